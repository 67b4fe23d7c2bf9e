using Microsoft.AspNetCore.Http;
using NodaTime;
using Spiisee.EventSourced.Projections.Journal;

namespace Spiisee.EventSourced.Host.Api;

/// <summary>Query-string values read as the journal reads them, so a bad one is the same 400 naming the parameter.</summary>
public static class QueryString
{
    /// <summary>An optional instant (R1: with an offset); throws <see cref="InvalidInputException"/> when malformed.</summary>
    public static Instant? Instant(HttpContext http, string name) =>
        http.Request.Query[name].ToString() is { Length: > 0 } text ? CommandReader.ParseInstant(text, name) : null;
}
