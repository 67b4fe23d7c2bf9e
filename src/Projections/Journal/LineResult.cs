using Newtonsoft.Json;

namespace Spiisee.EventSourced.Projections.Journal;

public static class LineStatus
{
    public const string Accepted = nameof(Accepted);
    public const string Rejected = nameof(Rejected);
    public const string Invalid = nameof(Invalid);
}

/// <summary>
/// docs/interfaces.md: one result per non-blank line. Extended with the field and message of invalid lines, and with
/// whether the line had already been applied by an earlier import.
/// </summary>
public sealed record LineResult(
    [property: JsonProperty("line")] int Line,
    [property: JsonProperty("status")] string Status,
    [property: JsonProperty("reason", NullValueHandling = NullValueHandling.Ignore)] string? Reason,
    [property: JsonProperty("field", NullValueHandling = NullValueHandling.Ignore)] string? Field = null,
    [property: JsonProperty("message", NullValueHandling = NullValueHandling.Ignore)] string? Message = null,
    [property: JsonProperty("alreadyApplied", DefaultValueHandling = DefaultValueHandling.Ignore)] bool AlreadyApplied = false);
