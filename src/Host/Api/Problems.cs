using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Domain.Decisions;

namespace Spiisee.EventSourced.Host.Api;

/// <summary>RFC 9457 problem documents, written with the project's JSON settings.</summary>
public static class Problems
{
    /// <summary>Reasons that are conflicts with the current state (409); the rest of the policy's refusals are 422.</summary>
    private static readonly HashSet<string> Conflicts =
    [
        ReasonCodes.DuplicateId, ReasonCodes.TicketNotOpen, ReasonCodes.AlreadyResolved, ReasonCodes.TroubleTicketClosed,
        ReasonCodes.DuplicateRequest, ReasonCodes.TroubleTicketNotClosed, ReasonCodes.OutOfOrder, ReasonCodes.DuplicateHoliday, ReasonCodes.IncidentResolved,
    ];

    private static readonly HashSet<string> NotFound =
        [ReasonCodes.UnknownAccount, ReasonCodes.UnknownTicket, ReasonCodes.UnknownTroubleTicket, ReasonCodes.UnknownIncident];

    public static int StatusFor(string reason) =>
        NotFound.Contains(reason) ? StatusCodes.Status404NotFound
        : Conflicts.Contains(reason) ? StatusCodes.Status409Conflict
        : StatusCodes.Status422UnprocessableEntity;

    public static IResult Result(int status, string title, string detail, object? extensions = null) =>
        new ProblemResult(Document(status, title, detail, extensions), status);

    public static Task Write(HttpContext context, int status, string title, string detail, object? extensions = null) =>
        Result(status, title, detail, extensions).ExecuteAsync(context);

    public static IResult BadInput(string code, string? field, string message) =>
        Result(StatusCodes.Status400BadRequest, "Invalid input", message, new { code, field, errors = field is null ? null : new Dictionary<string, string[]> { [field] = [message] } });

    public static IResult Forbidden(string detail) => Result(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static IResult NotFoundResult(string detail) => Result(StatusCodes.Status404NotFound, "Not found", detail);

    /// <param name="ticketId">The id the server gave a ticket that was declined but stays on record (R6).</param>
    public static IResult Rejected(Decision decision, string? ticketId = null) => Result(StatusFor(decision.Reason!), "Rejected by policy",
        $"The command was refused: {decision.Reason}.",
        new { reason = decision.Reason, recorded = decision.Events.Count > 0, ticketId = decision.Events.Count > 0 ? ticketId : null });

    private static JObject Document(int status, string title, string detail, object? extensions)
    {
        var doc = new JObject
        {
            ["type"] = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
        };
        if (extensions is not null)
        {
            foreach (var p in JObject.FromObject(extensions, Json.Serializer).Properties().Where(p => p.Value.Type != JTokenType.Null))
            {
                doc[p.Name] = p.Value;
            }
        }
        return doc;
    }

    private sealed class ProblemResult(JObject document, int status) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "application/problem+json";
            await httpContext.Response.WriteAsync(document.ToString(Formatting.None));
        }
    }
}
