using Newtonsoft.Json;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Host.Cli;

public static class Output
{
    private static readonly JsonSerializer Indented = JsonSerializer.Create(JsonSettings.Create(indented: true));
    private static readonly JsonSerializer Compact = JsonSerializer.Create(JsonSettings.Create());

    /// <summary>One JSON object on one line (NDJSON), for per-item results.</summary>
    public static string Line(object value)
    {
        using var writer = new StringWriter();
        Compact.Serialize(writer, value);
        return writer.ToString();
    }

    public static string Json(object value)
    {
        using var writer = new StringWriter();
        Indented.Serialize(writer, value);
        return writer.ToString();
    }
}
