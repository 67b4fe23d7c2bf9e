using Spiisee.EventSourced.Integration.Tests.Infrastructure;

namespace Spiisee.EventSourced.Integration.Tests.Cli;

/// <summary>
/// A setting the host cannot use stops it at start, as the real binary runs: exit 78 (EX_CONFIG) and one line naming
/// the setting. Found by an attacking trial: a mistyped key role started a host that then answered 500 to every
/// request, /health included, and a rate-limit window of 0 did the same to every customer request.
/// </summary>
[Collection(PostgresCollection.Name)]
public class HostConfigurationTests(PostgresDatabase database) : StoreTestBase(database)
{
    public static readonly TheoryData<string, string> Unusable = new()
    {
        { "--Auth:Keys:0:Role=backoffice", "Auth:Keys:0:Role" },
        { "--Auth:Keys:0:Role=Customer", "Auth:Keys:0: a Customer key needs AccountId and ContactId" },
        { "--RateLimits:Customer:WindowSeconds=0", "RateLimits:Customer:WindowSeconds" },
        { "--RateLimits:Auditor:WindowSeconds=-5", "RateLimits:Auditor:WindowSeconds" },
        { "--RateLimits:Auditor:PermitLimit=abc", "RateLimits:Auditor:PermitLimit" },
        { "--RateLimits:Anonymous:PermitLimit=99999999999", "RateLimits:Anonymous:PermitLimit" },
        { "--Statements:CacheMegabytes=abc", "Statements:CacheMegabytes" },
        { "--Reports:MaxConcurrentExports=0", "Reports:MaxConcurrentExports" },
        { "--Smtp:Port=70000", "Smtp:Port" },
        { "--Auth:Keys:1:Key=k1|--Auth:Keys:1:Role=Auditor|--Auth:Keys:1:Name=key0", "Auth:Keys:1: the name 'key0'" },
        { "--Auth:Keys:1:Key=k0|--Auth:Keys:1:Role=BackOffice", "Auth:Keys:1: the same key as 'key0'" },
        { "--OTEL_EXPORTER_OTLP_ENDPOINT=not a url", "OTEL_EXPORTER_OTLP_ENDPOINT" },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    /// <param name="setting">One setting, or several joined by '|'.</param>
    public async Task An_unusable_setting_stops_the_host_at_start_and_names_itself(string setting, string named)
    {
        // Given a host started with one setting it cannot use (and a key that is fine)
        // When it starts
        using var process = HostProcess.Start(Database.ConnectionString, Schema,
            ["--urls", $"http://127.0.0.1:{InProcessSmtp.FreePort()}", "--Auth:Keys:0:Key=k0", "--Auth:Keys:0:Role=Auditor", .. setting.Split('|')]);
        var stderrRead = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"the host started with {setting} and kept running");
        }
        var (exit, stderr) = (process.ExitCode, await stderrRead);

        // Then it stops before serving anything, with EX_CONFIG and the setting's name, and no stack trace
        exit.ShouldBe(78, stderr);
        stderr.ShouldContain(named);
        stderr.ShouldNotContain("   at ");
    }
}
