using System.Text;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Host.Api;

/// <summary>Responses in the project's JSON (Newtonsoft with NodaTime), identical to what the CLI prints.</summary>
public static class Json
{
    public static JsonSerializer Serializer => JsonBytes.Serializer;

    public static IResult Ok(object value, int status = StatusCodes.Status200OK) => status == StatusCodes.Status200OK
        ? Results.Bytes(Utf8(value), "application/json")
        : Results.Content(Encoding.UTF8.GetString(Utf8(value)), "application/json", statusCode: status);

    /// <summary>The value's JSON as UTF-8 bytes.</summary>
    public static byte[] Utf8(object value) => JsonBytes.Of(value);
}
