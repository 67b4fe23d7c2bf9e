using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Spiisee.EventSourced.Host.Api;
using Spiisee.EventSourced.Host.Auth;
using Spiisee.EventSourced.Projections.Journal;
using Spiisee.EventSourced.Projections.Notices;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.Http;

namespace Spiisee.EventSourced.Host.Notices;

/// <summary>Why a notice is sent again (kept on the delivery).</summary>
public sealed record ResendNoticeBody(string? Reason = null);

/// <summary>R15 for the back office: every notice per contact (pending, sent when, failed why) and re-sending a failed one.</summary>
public static class NoticeEndpoints
{
    public const int MaxTake = 1000;

    [ProducesResponseType<IReadOnlyList<NoticeDelivery>>(200)]
    [QueryParameter("status", "pending, sent or failed (default: all)"), QueryParameter("incidentId", "Only this incident's notices"),
     QueryParameter("skip", "Entries to skip, from 0"), QueryParameter("take", "Entries to return, 1 to 1000 (default 100)")]
    [Authorize(Policy = Policies.BackOffice), WolverineGet("/notices"), Tags("Incidents"), EndpointSummary("Incident notices per contact and their delivery (R15), ?status=pending|sent|failed&incidentId=")]
    public static async Task<IResult> List(HttpContext http, IDocumentStore store)
    {
        NoticeStatus? status = null;
        if (http.Request.Query["status"].ToString() is { Length: > 0 } text)
        {
            if (!Enum.TryParse<NoticeStatus>(text, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(text, out _))
            {
                return Problems.BadInput(InvalidCodes.InvalidValue, "status", "status must be pending, sent or failed");
            }
            status = parsed;
        }
        if (!Api.QueryString.TryPage(http, MaxTake, out var skip, out var take, out var problem))
        {
            return problem;
        }
        var incident = http.Request.Query["incidentId"].ToString();
        await using var session = store.QuerySession();
        IQueryable<NoticeDelivery> query = session.Query<NoticeDelivery>();
        if (status is { } s)
        {
            query = query.Where(n => n.Status == s);
        }
        if (incident.Length > 0)
        {
            query = query.Where(n => n.IncidentId == incident);
        }
        var page = await query.OrderBy(n => n.IncidentId).ThenBy(n => n.NoticeVersion).ThenBy(n => n.AccountId).ThenBy(n => n.ContactId)
            .Skip(skip).Take(take).ToListAsync(http.RequestAborted);
        return Json.Ok(page);
    }

    /// <summary>
    /// A failed (dead-lettered) notice is tried again from its first attempt, with the reason on record; a sent or
    /// pending one is not (409), and one whose contact is no email address cannot be (422).
    /// </summary>
    [RequestBody("application/json", typeof(ResendNoticeBody))]
    [ProducesResponseType<NoticeDelivery>(202)]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json"), ProducesResponseType<ProblemDetails>(413, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(415, "application/problem+json"), ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    [Authorize(Policy = Policies.BackOffice), WolverinePost("/notices/{noticeId}/resend"), Tags("Incidents"), EndpointSummary("Send a failed or pending notice again (R15)")]
    [Transactional]
    public static async Task<IResult> Resend(string noticeId, HttpContext http, IDocumentSession session, IMessageBus bus, CancellationToken ct)
    {
        var (body, error) = await RequestBody.ReadAsync(http.Request, ct);
        if (error is not null)
        {
            return error;
        }
        string? reason;
        try
        {
            reason = CommandReader.OptionalText(body!, "reason");
        }
        catch (InvalidInputException e)
        {
            return Problems.BadInput(e.Code, e.Field, e.Message);
        }
        var notice = await session.LoadAsync<NoticeDelivery>(noticeId, ct);
        if (notice is null)
        {
            return Problems.NotFoundResult("No such notice.");
        }
        if (notice.Status == NoticeStatus.Sent)
        {
            return Problems.Result(StatusCodes.Status409Conflict, "Already sent", $"Notice {noticeId} was sent at {notice.SentAt}.", new { reason = "AlreadySent" });
        }
        if (notice.Status != NoticeStatus.Failed)
        {
            // A pending notice is queued or being sent: sending it again now could send it twice.
            return Problems.Result(StatusCodes.Status409Conflict, "Not failed", $"Notice {noticeId} is pending; only a failed notice is sent again.", new { reason = "NotFailed" });
        }
        try
        {
            NoticeEmail.RecipientOf(notice.ContactId);
        }
        catch (FormatException)
        {
            return Problems.Result(StatusCodes.Status422UnprocessableEntity, "Not an email address",
                $"Contact '{notice.ContactId}' is not an email address; authorize one that is.", new { reason = "NotAnEmailAddress" });
        }
        (notice.Status, notice.Attempts, notice.LastError, notice.ResentBecause) = (NoticeStatus.Pending, 0, null, reason ?? "re-sent by the back office");
        session.Store(notice);
        await bus.PublishAsync(new SendNotice(notice.Id));
        return Json.Ok(notice, StatusCodes.Status202Accepted);
    }
}
