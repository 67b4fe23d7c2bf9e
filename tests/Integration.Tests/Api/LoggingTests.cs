using Microsoft.Extensions.Logging;
using Spiisee.EventSourced.Integration.Tests.Infrastructure;

namespace Spiisee.EventSourced.Integration.Tests.Api;

/// <summary>Issue 5: structured logs that name the caller and the decision, and never an API key.</summary>
[Collection(PostgresCollection.Name)]
public class LoggingTests(SampleApiHost host) : IClassFixture<SampleApiHost>
{
    private readonly ApiHost _api = host.Api;

    [Fact]
    public async Task A_decision_is_logged_with_its_caller_and_reason_in_the_scope()
    {
        // Given the sample journal, TT-100's credit was approved: asking again is R12's DuplicateRequest.
        var (status, _) = await _api.Send("POST", "/trouble-tickets/TT-100/credit-requests", ApiHost.AcmeAlice, "{}");
        status.ShouldBe(409);

        var entry = _api.Logs.Entries.Single(e => e.Message.StartsWith("RequestCredit by ", StringComparison.Ordinal));
        entry.Level.ShouldBe(LogLevel.Information);
        entry.Message.ShouldBe("RequestCredit by Contact:alice@acme.example: DuplicateRequest (0 events)");
        entry.Scope["caller"].ShouldBe("key-2"); // the key's configured name
        entry.Scope["role"].ShouldBe("Customer");
        entry.Scope["account"].ShouldBe("acme");
    }

    [Fact]
    public async Task Refused_keys_are_logged_without_the_key()
    {
        const string probe = "probe-secret-4f1c9a";
        (await _api.Send("GET", "/accounts/acme", probe)).Status.ShouldBe(401);
        (await _api.Send("GET", "/accounts/acme", null)).Status.ShouldBe(401);
        (await _api.Send("GET", "/accounts/acme", ApiHost.Auditor)).Status.ShouldBe(200);

        _api.Logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.StartsWith("Refused GET /accounts/acme", StringComparison.Ordinal))
            .Select(e => e.Message).ShouldBe(["Refused GET /accounts/acme: unknown key", "Refused GET /accounts/acme: no key"]);
        var everything = string.Join("\n", _api.Logs.Entries.Select(e => e.Message + " " + string.Join(",", e.Scope.Values)));
        everything.ShouldNotContain(probe);
        foreach (var key in new[] { ApiHost.BackOffice, ApiHost.Auditor, ApiHost.AcmeAlice, ApiHost.GlobexHank })
        {
            everything.ShouldNotContain(key);
        }
    }
}
