namespace Spiisee.EventSourced.Integration.Tests.Infrastructure;

/// <summary>
/// The shared examples the repository's copies were taken from, beside the clone on the development machine only.
/// </summary>
public static class SharedExamples
{
    public static string Directory { get; } = Path.GetFullPath(Path.Combine(StoreTestBase.RepoRoot, "..", "shared", "examples"));

    public static bool Present => System.IO.Directory.Exists(Directory);
}

/// <summary>
/// A theory that needs <see cref="SharedExamples"/>: reported Skipped, with the path it looked for, where they are
/// absent (a plain clone), so a comparison that could not run never shows as passed. xunit 2 only reads Skip from
/// the attribute, hence the constructor.
/// </summary>
public sealed class SharedExamplesTheoryAttribute : TheoryAttribute
{
    public SharedExamplesTheoryAttribute()
    {
        if (!SharedExamples.Present)
        {
            Skip = $"nothing to compare with: {SharedExamples.Directory} is absent (only the development machine has it)";
        }
    }
}
