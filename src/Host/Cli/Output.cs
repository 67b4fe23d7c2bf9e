using Newtonsoft.Json;
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
}
