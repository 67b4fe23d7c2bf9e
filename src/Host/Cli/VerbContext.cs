using Marten;
using Spiisee.EventSourced.Host.Configuration;

namespace Spiisee.EventSourced.Host.Cli;

/// <summary>What a verb runs with: the store and the settings it was built from; data goes to Stdout, messages to Stderr.</summary>
public sealed record VerbContext(IDocumentStore Store, SpiiseeSettings Settings, TextWriter Stdout, TextWriter Stderr, CancellationToken Ct);
