using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Spiisee.EventSourced.Bench;

/// <summary>
/// R15 at scale: the built Host binary (Development schema creation, its own schema) mails one incident for every
/// account to an SMTP server in this process. Reports the time from the declaration's answer to the last email, emails
/// per second, duplicates, and the host's peak resident memory.
/// </summary>
public static class NoticesLoad
{
    public static async Task<int> RunAsync(string hostDll, int accounts)
    {
        var connection = Environment.GetEnvironmentVariable("ConnectionStrings__Spiisee");
        if (string.IsNullOrEmpty(connection) || !File.Exists(hostDll))
        {
            await Console.Error.WriteLineAsync("notices-load needs ConnectionStrings__Spiisee (source scripts/postgres.sh) and the built Host dll");
            return 69;
        }
        var received = new ConcurrentQueue<string>();
        var smtpPort = ColdStart.FreePort();
        using var stopSmtp = new CancellationTokenSource();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new CountingStore(received));
        var smtp = new SmtpServer.SmtpServer(
            new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, smtpPort))).Build(), services);
        var smtpRunning = smtp.StartAsync(stopSmtp.Token);

        var schema = "notices_" + Guid.NewGuid().ToString("N")[..8];
        var port = ColdStart.FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(hostDll);
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ConnectionStrings__Spiisee"] = connection;
        start.Environment["Storage__Schema"] = schema;
        start.Environment["Auth__Keys__0__Key"] = "load-backoffice";
        start.Environment["Auth__Keys__0__Role"] = "BackOffice";
        start.Environment["Smtp__Host"] = "127.0.0.1";
        start.Environment["Smtp__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Smtp__Security"] = "None";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Add("X-Api-Key", "load-backoffice");
        try
        {
            while (true)
            {
                try
                {
                    (await http.GetAsync("/health")).Dispose();
                    break;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200);
                }
            }
            var journal = new StringBuilder();
            for (var a = 0; a < accounts; a++)
            {
                journal.AppendLine(CultureInfo.InvariantCulture, $$"""{"at":"2026-05-01T14:00:00Z","type":"RegisterAccount","accountId":"acct-{{a}}","plan":"Standard","monthlyRate":3000.00,"currency":"USD","maintenanceFrom":"2026-01-01","maintenanceTo":"2026-12-31"}""");
                journal.AppendLine(CultureInfo.InvariantCulture, $$"""{"at":"2026-05-01T14:01:00Z","type":"AuthorizeContact","accountId":"acct-{{a}}","contactId":"first@acct-{{a}}.example"}""");
                journal.AppendLine(CultureInfo.InvariantCulture, $$"""{"at":"2026-05-01T14:01:00Z","type":"AuthorizeContact","accountId":"acct-{{a}}","contactId":"second@acct-{{a}}.example"}""");
            }
            await Post(http, journal.ToString());
            var clock = Stopwatch.StartNew();
            await Post(http, """{"at":"2026-05-28T13:00:00-04:00","type":"DeclareIncident","incidentId":"INC-LOAD","title":"Everything is down","impact":"Every request fails","startedAt":"2026-05-28T12:40:00-04:00"}""" + "\n");
            var declared = clock.Elapsed;
            var expected = accounts * 2;
            while (received.Count < expected && clock.Elapsed < TimeSpan.FromMinutes(10) && !process.HasExited)
            {
                await Task.Delay(100);
            }
            clock.Stop();
            var peak = PeakResidentMiB(process.Id);
            var duplicates = received.Count - received.Distinct().Count();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"notices-load: {accounts} accounts x 2 contacts: {received.Count}/{expected} emails in {clock.Elapsed.TotalSeconds:0.0} s after the declaration (its answer {declared.TotalMilliseconds:0} ms), {received.Count / clock.Elapsed.TotalSeconds:0} emails/s, {duplicates} duplicate Message-IDs; host peak resident memory {peak} MiB"));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            await stopSmtp.CancelAsync();
            try
            {
                await smtpRunning;
            }
            catch (OperationCanceledException)
            {
            }
        }
        return 0;
    }

    private static async Task Post(HttpClient http, string journal)
    {
        using var content = new StringContent(journal, Encoding.UTF8, "application/x-ndjson");
        using var response = await http.PostAsync("/journal", content);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || body.Contains("\"Invalid\"", StringComparison.Ordinal) || body.Contains("\"Rejected\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"import failed: {(int)response.StatusCode} {body[..Math.Min(500, body.Length)]}");
        }
    }

    private static string PeakResidentMiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? "?" : (long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).ToString(CultureInfo.InvariantCulture);
    }

    private sealed class CountingStore(ConcurrentQueue<string> received) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            var text = Encoding.UTF8.GetString(buffer.ToArray());
            var id = text.Split("\r\n").FirstOrDefault(l => l.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase)) ?? Guid.NewGuid().ToString();
            received.Enqueue(id);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
