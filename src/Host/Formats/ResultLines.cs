using Newtonsoft.Json;
using Spiisee.EventSourced.Projections.Journal;

namespace Spiisee.EventSourced.Host.Formats;

/// <summary>Import results as NDJSON, the same from `import` and from POST /journal.</summary>
public static class ResultLines
{
    /// <summary>The import result line exactly as samples/expected/*.results.jsonl spells it (docs/interfaces.md), extensions after.</summary>
    public static string Format(LineResult r)
    {
        var text = $"{{\"line\": {r.Line}, \"status\": {JsonConvert.ToString(r.Status)}";
        if (r.Reason is not null)
        {
            text += $", \"reason\": {JsonConvert.ToString(r.Reason)}";
        }
        if (r.Field is not null)
        {
            text += $", \"field\": {JsonConvert.ToString(r.Field)}";
        }
        if (r.Message is not null)
        {
            text += $", \"message\": {JsonConvert.ToString(r.Message)}";
        }
        if (r.AlreadyApplied)
        {
            text += ", \"alreadyApplied\": true";
        }
        return text + "}";
    }
}
