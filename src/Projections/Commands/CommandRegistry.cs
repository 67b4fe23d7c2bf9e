using Spiisee.EventSourced.Domain.Decisions;

namespace Spiisee.EventSourced.Projections.Commands;

/// <summary>Every <see cref="CommandRegistration"/> of this assembly, found once by type.</summary>
public static class CommandRegistry
{
    public static IReadOnlyList<CommandRegistration> All { get; } = typeof(CommandRegistration).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(CommandRegistration)))
        .Select(t => (CommandRegistration)Activator.CreateInstance(t)!)
        .OrderBy(r => r.Name, StringComparer.Ordinal)
        .ToList();

    private static readonly Dictionary<string, CommandRegistration> ByName = All.ToDictionary(r => r.Name, StringComparer.Ordinal);

    private static readonly Dictionary<Type, CommandRegistration> ByType = All.ToDictionary(r => r.CommandType);

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static CommandRegistration? Find(string name) => ByName.GetValueOrDefault(name);

    public static CommandRegistration For(ICommand command) =>
        ByType.TryGetValue(command.GetType(), out var registration)
            ? registration
            : throw new InvalidOperationException($"{command.GetType().Name} has no registration");
}
