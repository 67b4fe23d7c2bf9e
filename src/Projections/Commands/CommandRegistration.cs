using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Decisions;

namespace Spiisee.EventSourced.Projections.Commands;

/// <summary>Who may send a command over HTTP (docs/interfaces.md): the back office always; customers for their own account.</summary>
public enum Senders
{
    BackOffice,
    BackOfficeAndCustomers,
}

/// <summary>A command's HTTP resource: POST to <see cref="Pattern"/>; route values fill the body fields of the same name.</summary>
public sealed record CommandRoute(string Pattern, string Tag, string Summary);

/// <summary>
/// Everything the engine knows about one command, declared once: its journal name and wire shape, the streams it
/// reads, its pure decision, who acts, who may send it and how a customer is scoped to it. The journal reader, the
/// unit of work, the HTTP endpoints, their authorization and the OpenAPI document all derive from this.
/// Registrations are found by type: adding a command is one file beside the others, its decision, and its tests.
/// </summary>
public abstract class CommandRegistration
{
    public abstract Type CommandType { get; }

    /// <summary>The journal's <c>type</c>.</summary>
    public string Name => CommandType.Name;

    /// <summary>The JSON object a client sends (journal lines add <c>at</c>, <c>type</c> and <c>id</c>).</summary>
    public abstract Type BodyType { get; }

    public abstract CommandRoute Route { get; }

    public virtual Senders SentBy => Senders.BackOffice;

    /// <summary>A body field the server fills for customers (never chosen by them), with the prefix of the ids it makes.</summary>
    public virtual (string Field, string Prefix)? CustomerAssignedId => null;

    /// <summary>Reads a body into the command, with the journal's codes for bad fields (docs/validation.md).</summary>
    public abstract ICommand Read(JObject body);

    public abstract IEnumerable<StreamRef> Reads(ICommand command);

    /// <summary>Streams known only once the first reads are in (a credit request needs its trouble ticket's account).</summary>
    public virtual IEnumerable<StreamRef> DependentReads(ICommand command, StreamStates states) => [];

    /// <summary>Streams known only by asking the store (every account, for an incident that affects them all).</summary>
    public virtual Task<IReadOnlyList<StreamRef>> QueriedReadsAsync(ICommand command, StreamStates states, Marten.IQuerySession session, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<StreamRef>>([]);

    /// <summary>
    /// Whether the decision depends on more than the streams it reads (<see cref="QueriedReadsAsync"/> asks the read
    /// models; the incident's step takes every account it has loaded): such a command is decided only once every
    /// earlier write has committed, with no stream carried over from an uncommitted batch.
    /// </summary>
    public virtual bool ReadsBeyondItsStreams => false;

    public abstract Decision Decide(ICommand command, CommandContext ctx, StreamStates states);

    /// <summary>Who acts: by default the caller (an API key or the journal file).</summary>
    public virtual Actor ActorFor(ICommand command, Actor caller) => caller;

    /// <summary>The account a customer must own to send this command, from the command and the streams it reads.</summary>
    public virtual string? CustomerAccount(ICommand command, StreamStates states) => null;
}

/// <summary>A registration typed by its command and its body record.</summary>
public abstract class CommandRegistration<TCommand, TBody> : CommandRegistration where TCommand : ICommand
{
    public sealed override Type CommandType => typeof(TCommand);

    public sealed override Type BodyType => typeof(TBody);

    public sealed override ICommand Read(JObject body) => ReadCommand(body);

    public sealed override IEnumerable<StreamRef> Reads(ICommand command) => Reads((TCommand)command);

    public sealed override IEnumerable<StreamRef> DependentReads(ICommand command, StreamStates states) => DependentReads((TCommand)command, states);

    public sealed override Decision Decide(ICommand command, CommandContext ctx, StreamStates states) =>
        Decide((TCommand)command, ctx, states);

    public sealed override Actor ActorFor(ICommand command, Actor caller) => ActorFor((TCommand)command, caller);

    public sealed override Task<IReadOnlyList<StreamRef>> QueriedReadsAsync(ICommand command, StreamStates states, Marten.IQuerySession session,
        CancellationToken ct) => QueriedReadsAsync((TCommand)command, states, session, ct);

    protected virtual Task<IReadOnlyList<StreamRef>> QueriedReadsAsync(TCommand command, StreamStates states, Marten.IQuerySession session,
        CancellationToken ct) => Task.FromResult<IReadOnlyList<StreamRef>>([]);

    public sealed override string? CustomerAccount(ICommand command, StreamStates states) => CustomerAccount((TCommand)command, states);

    protected abstract TCommand ReadCommand(JObject body);

    protected abstract IEnumerable<StreamRef> Reads(TCommand command);

    protected virtual IEnumerable<StreamRef> DependentReads(TCommand command, StreamStates states) => [];

    protected abstract Decision Decide(TCommand command, CommandContext ctx, StreamStates states);

    protected virtual Actor ActorFor(TCommand command, Actor caller) => caller;

    protected virtual string? CustomerAccount(TCommand command, StreamStates states) => null;
}
