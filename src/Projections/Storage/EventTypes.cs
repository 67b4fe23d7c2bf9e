using System.Text;
using Spiisee.EventSourced.Domain.Decisions;

namespace Spiisee.EventSourced.Projections.Storage;

/// <summary>
/// Stored event type names: every <see cref="IDomainEvent"/> of the Domain, named by its class in snake case
/// (<c>CreditRequestApproved</c> is <c>credit_request_approved</c>). Names are what stored events are read by: when a
/// class is renamed, pin its old name in <see cref="Renamed"/> (or add an upcaster), never let the name follow.
/// </summary>
public static class EventTypes
{
    /// <summary>Classes whose stored name is not their own (after a rename): class -> name stored before.</summary>
    private static readonly Dictionary<Type, string> Renamed = [];

    public static IReadOnlyList<(Type Type, string Name)> All { get; } = typeof(IDomainEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDomainEvent).IsAssignableFrom(t))
        .Select(t => (t, Renamed.GetValueOrDefault(t) ?? SnakeCase(t.Name)))
        .OrderBy(t => t.Item2, StringComparer.Ordinal)
        .ToList();

    private static readonly Dictionary<Type, string> Names = All.ToDictionary(t => t.Type, t => t.Name);

    public static string NameOf(Type type) => Names[type];

    private static string SnakeCase(string name)
    {
        var b = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && b.Length > 0)
            {
                b.Append('_');
            }
            b.Append(char.ToLowerInvariant(c));
        }
        return b.ToString();
    }
}
