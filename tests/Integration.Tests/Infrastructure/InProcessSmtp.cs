using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Spiisee.EventSourced.Integration.Tests.Infrastructure;

/// <summary>A real SMTP server in the test process (the SmtpServer package): it keeps what it accepts, and can refuse.</summary>
public sealed class InProcessSmtp : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Store _store = new();

    private InProcessSmtp(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public IReadOnlyCollection<MimeMessage> Received => _store.Messages;

    /// <summary>How many more messages to refuse (a transient 451), whoever they are for.</summary>
    public int RefuseNext
    {
        get => _store.RefuseNext;
        set => _store.RefuseNext = value;
    }

    public static InProcessSmtp Start() => new(FreePort());

    /// <summary>A loopback port nothing listens on now (the OS's pick), for a server a test starts.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>The settings a host needs to mail here.</summary>
    public string[] HostSettings => [$"Smtp:Host=127.0.0.1", $"Smtp:Port={Port}", "Smtp:Security=None", "Smtp:From=Spiisee support <support@spiisee.example>"];

    public async Task<IReadOnlyCollection<MimeMessage>> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Received.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private sealed class Store : MessageStore
    {
        private int _refuseNext;

        public ConcurrentQueue<MimeMessage> Queue { get; } = new();

        public IReadOnlyCollection<MimeMessage> Messages => Queue.ToArray();

        public int RefuseNext
        {
            get => Volatile.Read(ref _refuseNext);
            set => Volatile.Write(ref _refuseNext, value);
        }

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref _refuseNext) >= 0)
            {
                return new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "try again later");
            }
            Interlocked.Exchange(ref _refuseNext, 0);
            using var stream = new MemoryStream(buffer.ToArray());
            Queue.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
