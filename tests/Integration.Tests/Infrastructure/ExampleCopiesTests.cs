namespace Spiisee.EventSourced.Integration.Tests.Infrastructure;

/// <summary>
/// The tests read the example from the repository's copies so that a clone alone runs them. Where the shared
/// examples sit beside the clone (the development machine), the copies must still equal them.
/// </summary>
public class ExampleCopiesTests
{
    private static readonly string Shared = Path.Combine(StoreTestBase.RepoRoot, "..", "shared", "examples");

    [Theory]
    [InlineData("march-outage.jsonl")]
    [InlineData("march-outage.results.jsonl")]
    [InlineData("march-outage.statement-2026-03.json")]
    public void Copies_equal_the_shared_examples_where_those_are_present(string file)
    {
        var copy = file == "march-outage.jsonl" ? StoreTestBase.SamplePath(file) : StoreTestBase.ExpectedPath(file);
        File.Exists(copy).ShouldBeTrue(copy);
        var original = Path.Combine(Shared, file);
        if (File.Exists(original))
        {
            File.ReadAllText(copy).ShouldBe(File.ReadAllText(original));
        }
    }
}
