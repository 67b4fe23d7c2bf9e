using System.Globalization;
using JasperFx.Events;
using Marten.Events.Aggregation;
using NodaTime;
using NodaTime.Text;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Time;
using Spiisee.EventSourced.Domain.Tickets;
using Spiisee.EventSourced.Domain.TroubleTickets;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Projections.Timelines;

public static class Timeline
{
    private static readonly ZonedDateTimePattern LocalPattern =
        ZonedDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm':'ss' 'x", DateTimeZoneProviders.Tzdb);

    public static TimelineEntry Entry(IEvent e, Instant at, Actor by, string what, string? reason = null) =>
        new(e.Version, at, LocalPattern.Format(at.InZone(PolicyTime.Zone)), by, EventTypes.NameOf(e.Data.GetType()), what, reason);

    /// <summary>R12, for auditors: the request's local date against its deadline (absent on events stored before it was recorded).</summary>
    public static string InTime(Instant at, LocalDate? deadline) =>
        deadline is { } d ? $": requested on {Day(PolicyTime.LocalDateOf(at))}, deadline {Day(d)} (R12)" : "";

    /// <summary>Why a recorded credit request was refused, with the facts it was judged on where the event has them.</summary>
    public static string Why(CreditRequestRejected no) => no.Reason switch
    {
        ReasonCodes.TroubleTicketNotClosed => ": the trouble ticket is not closed yet; a request after the close is decided again (R12)",
        ReasonCodes.LateRequest when no.RequestDeadline is { } d =>
            $": requested on {Day(PolicyTime.LocalDateOf(no.At))}, after the deadline {Day(d)}, the 5th business day after the close (R12)",
        ReasonCodes.ExcludedCause when no.RootCause is { } cause => $": root cause {cause} earns no credit (R11)",
        _ => "",
    };

    private static string Day(LocalDate d) => d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Support ticket timelines, one document per ticket stream.</summary>
public sealed partial class TicketTimelineProjection : SingleStreamProjection<TicketTimeline, string>
{
    public TicketTimelineProjection()
    {
        Name = "TicketTimeline";
        // Only ticket streams have a timeline. Without the filter every stream got one, Marten's own tombstone stream
        // (written when a transaction fails after taking sequence numbers) included, but only on a rebuild.
        IncludeType<TicketOpened>();
        IncludeType<TicketDeclined>();
        IncludeType<TicketEscalated>();
        IncludeType<TicketClosed>();
        IncludeType<TicketReplaced>();
    }

    public override TicketTimeline Evolve(TicketTimeline? snapshot, string id, IEvent e)
    {
        var doc = snapshot ?? new TicketTimeline { Id = id };
        switch (e.Data)
        {
            case TicketOpened o:
                (doc.TicketId, doc.AccountId, doc.Priority, doc.Status, doc.OpenedAt) = (o.TicketId, o.AccountId, o.Priority, TicketStatus.Open, o.At);
                doc.Entries.Add(Timeline.Entry(e, o.At, o.By, $"{o.ContactId} opened {o.TicketId} for {o.AccountId}: {o.Priority} {o.Category} via {o.Channel}, {o.ReleaseStage}, {o.Language}" +
                    (o.Customized ? ", customized" : "") + (o.Summary is null ? "" : $" \"{o.Summary}\"")));
                break;
            case TicketDeclined d:
                (doc.Status, doc.DeclineReason) = (TicketStatus.Declined, d.Reason);
                doc.Entries.Add(Timeline.Entry(e, d.At, d.By, "declined" + (d.ReferredToPartnerNetwork ? ", referred to the partner network" : ""), d.Reason));
                break;
            case TicketEscalated x:
                doc.Priority = x.To;
                doc.Entries.Add(Timeline.Entry(e, x.At, x.By, $"escalated {x.From} -> {x.To}" + (x.Reason is null ? "" : $": {x.Reason}")));
                break;
            case TicketClosed c:
                doc.Status = TicketStatus.Closed;
                doc.Entries.Add(Timeline.Entry(e, c.At, c.By, "closed" + (c.Resolution is null ? "" : $": {c.Resolution}")));
                break;
            case TicketReplaced r:
                (doc.Status, doc.ReplacedBy) = (TicketStatus.Replaced, r.TroubleTicketId);
                doc.Entries.Add(Timeline.Entry(e, r.At, r.By, $"closed as replaced by trouble ticket {r.TroubleTicketId}"));
                break;
        }
        return doc;
    }
}

/// <summary>Trouble ticket files, one document per trouble ticket stream.</summary>
public sealed partial class TroubleTicketFileProjection : SingleStreamProjection<TroubleTicketFile, string>
{
    public TroubleTicketFileProjection()
    {
        Name = "TroubleTicketFile";
        // Only trouble ticket streams have a file (see TicketTimelineProjection).
        IncludeType<TroubleTicketOpened>();
        IncludeType<TroubleTicketAssigned>();
        IncludeType<TroubleTicketResolved>();
        IncludeType<TroubleTicketClosed>();
        IncludeType<CreditRequestApproved>();
        IncludeType<CreditRequestRejected>();
    }

    public override TroubleTicketFile Evolve(TroubleTicketFile? snapshot, string id, IEvent e)
    {
        var doc = snapshot ?? new TroubleTicketFile { Id = id };
        switch (e.Data)
        {
            case TroubleTicketOpened o:
                (doc.TroubleTicketId, doc.AccountId, doc.ReplacesTicketId, doc.IncidentId, doc.Kind, doc.Priority, doc.OpenedAt, doc.MttrAnchor) =
                    (o.TroubleTicketId, o.AccountId, o.ReplacesTicketId, o.IncidentId, o.Kind, o.Priority, o.At, o.At);
                doc.Entries.Add(Timeline.Entry(e, o.At, o.By, $"opened {o.Kind} trouble ticket {o.TroubleTicketId} ({o.Priority}) " +
                    (o.ReplacesTicketId is { } replaced ? $"replacing ticket {replaced}" : $"from incident {o.IncidentId}") + "; the outage starts"));
                break;
            case TroubleTicketAssigned a:
                if (a.AnchorsMttr)
                {
                    doc.MttrAnchor = a.At;
                }
                doc.Entries.Add(Timeline.Entry(e, a.At, a.By, $"assigned to {a.AgentId}" + (a.AnchorsMttr ? "; anchors MTTR (R9)" : "; recorded only (R8)")));
                break;
            case TroubleTicketResolved r:
                (doc.ResolvedAt, doc.RootCause) = (r.At, r.RootCause);
                doc.Entries.Add(Timeline.Entry(e, r.At, r.By, $"resolved, root cause {r.RootCause}; MTTR ends"));
                break;
            case TroubleTicketClosed c:
                doc.ClosedAt = c.At;
                doc.Entries.Add(Timeline.Entry(e, c.At, c.By, "closed; the outage ends"));
                break;
            case CreditRequestApproved ok:
                doc.CreditRequests.Add(new CreditRequestRecord(ok.RequestId, ok.ContactId, ok.At, "Approved", null, ok.RequestDeadline));
                doc.Entries.Add(Timeline.Entry(e, ok.At, ok.By, string.Create(CultureInfo.InvariantCulture,
                    $"credit request {ok.RequestId} by {ok.ContactId} approved{Timeline.InTime(ok.At, ok.RequestDeadline)}; {ok.OverdueBusinessDays} overdue business day(s)")));
                break;
            case CreditRequestRejected no:
                doc.CreditRequests.Add(new CreditRequestRecord(no.RequestId, no.ContactId, no.At, "Rejected", no.Reason, no.RequestDeadline));
                doc.Entries.Add(Timeline.Entry(e, no.At, no.By, $"credit request {no.RequestId} by {no.ContactId} rejected{Timeline.Why(no)}", no.Reason));
                break;
        }
        return doc;
    }
}
