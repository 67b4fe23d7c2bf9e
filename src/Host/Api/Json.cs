using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Host.Api;

/// <summary>Responses in the project's JSON (Newtonsoft with NodaTime), identical to what the CLI prints.</summary>
public static class Json
{
    public static JsonSerializer Serializer { get; } = JsonSerializer.Create(JsonSettings.Create());

    public static IResult Ok(object value, int status = StatusCodes.Status200OK) =>
        Results.Content(JsonConvert.SerializeObject(value, JsonSettings.Create()), "application/json", statusCode: status);
}
