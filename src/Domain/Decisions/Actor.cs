namespace Spiisee.EventSourced.Domain.Decisions;

/// <summary>Who did it: a customer's contact, a support agent, or the system (a journal import, a back-office key).</summary>
public sealed record Actor(ActorKind Kind, string Id)
{
    public static Actor Contact(string id) => new(ActorKind.Contact, id);
    public static Actor Agent(string id) => new(ActorKind.Agent, id);
    public static Actor System(string id) => new(ActorKind.System, id);

    public override string ToString() => $"{Kind}:{Id}";
}

public enum ActorKind
{
    Contact,
    Agent,
    System,
}
