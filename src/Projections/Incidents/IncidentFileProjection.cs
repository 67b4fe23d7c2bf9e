using JasperFx.Events;
using Marten.Events.Aggregation;
using Spiisee.EventSourced.Domain.Incidents;

namespace Spiisee.EventSourced.Projections.Incidents;

/// <summary>Keeps each <see cref="IncidentFile"/> in step with its incident stream, inline.</summary>
public sealed partial class IncidentFileProjection : SingleStreamProjection<IncidentFile, string>
{
    public IncidentFileProjection()
    {
        Name = "IncidentFile";
        IncludeType<IncidentDeclared>();
        IncludeType<IncidentUpdated>();
        IncludeType<IncidentResolved>();
        IncludeType<IncidentTroubleTicketsOpened>();
    }

    public override IncidentFile Evolve(IncidentFile? snapshot, string id, IEvent e)
    {
        var doc = snapshot ?? new IncidentFile { Id = id };
        switch (e.Data)
        {
            case IncidentDeclared d:
                (doc.IncidentId, doc.Title, doc.Impact, doc.StartedAt, doc.DeclaredAt, doc.DeclaredBy, doc.Status) =
                    (d.IncidentId, d.Title, d.Impact, d.StartedAt, d.At, d.By, "Declared");
                (doc.AllAccounts, doc.Accounts) = (d.Accounts is null, d.Accounts?.ToList() ?? []);
                doc.Steps.Add(new IncidentStep(e.Version, "Declared", $"{d.Title}: {d.Impact}", d.At, d.By));
                break;
            case IncidentUpdated u:
                doc.Status = u.Status;
                doc.Steps.Add(new IncidentStep(e.Version, "Updated", u.Status, u.At, u.By));
                break;
            case IncidentResolved r:
                (doc.Status, doc.ResolvedAt, doc.Summary) = ("Resolved", r.At, r.Summary);
                doc.Steps.Add(new IncidentStep(e.Version, "Resolved", r.Summary, r.At, r.By));
                break;
            case IncidentTroubleTicketsOpened o:
                doc.TroubleTickets.AddRange(o.TroubleTickets);
                doc.Steps.Add(new IncidentStep(e.Version, "TroubleTicketsOpened", $"{o.TroubleTickets.Count} Outage trouble ticket(s) opened", o.At, o.By));
                break;
        }
        return doc;
    }
}
