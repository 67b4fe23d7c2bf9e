using Spiisee.EventSourced.Host.Auth;

namespace Spiisee.EventSourced.Host.Api;

/// <summary>interfaces.md: BackOffice does everything; Auditors read; Customers open tickets, ask for credits and read their own account.</summary>
public static class Access
{
    public static readonly Role[] BackOfficeOnly = [Role.BackOffice];
    public static readonly Role[] Readers = [Role.BackOffice, Role.Auditor, Role.Customer];
    public static readonly Role[] CustomerCommands = [Role.BackOffice, Role.Customer];
    public static readonly Role[] StaffReaders = [Role.BackOffice, Role.Auditor];
}
