using Newtonsoft.Json;
using Spiisee.EventSourced.Projections.Journal;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Host.Cli;

public static class Output
{
    private static readonly JsonSerializer Indented = JsonSerializer.Create(JsonSettings.Create(indented: true));

    public static string Json(object value)
    {
        using var writer = new StringWriter();
        Indented.Serialize(writer, value);
        return writer.ToString();
    }

    /// <summary>The import result line exactly as shared/examples/*.results.jsonl spells it, extensions after.</summary>
    public static string ResultLine(LineResult r)
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
