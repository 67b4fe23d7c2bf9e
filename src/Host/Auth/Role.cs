namespace Spiisee.EventSourced.Host.Auth;

/// <summary>docs/interfaces.md: who may do what.</summary>
public enum Role
{
    BackOffice,
    Auditor,
    Customer,
}
