namespace Spiisee.EventSourced.Domain.Accounts;

/// <summary>R5.</summary>
public enum Plan
{
    Standard,
    Premium,
}
