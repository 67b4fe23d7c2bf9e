using Newtonsoft.Json.Linq;

namespace Spiisee.EventSourced.Integration.Tests.Infrastructure;

/// <summary>
/// The tests read the example from the repository's copies so that a clone alone runs them. The copies must exist and
/// parse everywhere; where the shared examples sit beside the clone, they must also equal them (else that is Skipped).
/// </summary>
public class ExampleCopiesTests
{
    private static string CopyOf(string file) => file == "march-outage.jsonl" ? StoreTestBase.SamplePath(file) : StoreTestBase.ExpectedPath(file);

    [Theory]
    [InlineData("march-outage.jsonl")]
    [InlineData("march-outage.results.jsonl")]
    [InlineData("march-outage.statement-2026-03.json")]
    public void Copies_exist_and_parse(string file)
    {
        var copy = CopyOf(file);
        File.Exists(copy).ShouldBeTrue(copy);
        if (file.EndsWith(".jsonl", StringComparison.Ordinal))
        {
            var lines = File.ReadAllLines(copy).Where(l => l.Trim().Length > 0).ToList();
            lines.ShouldNotBeEmpty(copy);
            lines.ShouldAllBe(l => JToken.Parse(l) is JObject);
        }
        else
        {
            ((string?)JObject.Parse(File.ReadAllText(copy))["accountId"]).ShouldBe("acme");
        }
    }

    [SharedExamplesTheory]
    [InlineData("march-outage.jsonl")]
    [InlineData("march-outage.results.jsonl")]
    [InlineData("march-outage.statement-2026-03.json")]
    public void Copies_equal_the_shared_examples(string file)
    {
        var original = Path.Combine(SharedExamples.Directory, file);
        File.Exists(original).ShouldBeTrue(original);
        File.ReadAllText(CopyOf(file)).ShouldBe(File.ReadAllText(original));
    }
}
