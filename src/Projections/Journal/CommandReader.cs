using System.Globalization;
using Newtonsoft.Json.Linq;
using NodaTime;
using NodaTime.Text;
using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Sla;
using Spiisee.EventSourced.Domain.Tickets;
using Spiisee.EventSourced.Domain.TroubleTickets;

namespace Spiisee.EventSourced.Projections.Journal;

/// <summary>
/// Turns a JSON object with the journal's camelCase fields into a command. The journal importer and the HTTP API
/// both use it, so a bad field gets the same code and message whichever way it came in.
/// </summary>
public static class CommandReader
{
    public static readonly IReadOnlyList<string> CommandTypes =
    [
        nameof(RegisterAccount), nameof(AuthorizeContact), nameof(RevokeContact), nameof(ChangeMonthlyRate), nameof(RenewMaintenance),
        nameof(ScheduleMaintenanceWindow), nameof(OpenTicket), nameof(EscalateTicket), nameof(CloseTicket), nameof(OpenTroubleTicket),
        nameof(AssignTroubleTicket), nameof(ResolveTroubleTicket), nameof(CloseTroubleTicket), nameof(RequestCredit),
    ];

    public static ICommand Read(string type, JObject o)
    {
        ICommand command = type switch
        {
            nameof(RegisterAccount) => new RegisterAccount(Id(o, "accountId"), OptionalString(o, "name"), Enum<Plan>(o, "plan"),
                Decimal(o, "monthlyRate"), String(o, "currency"), Date(o, "maintenanceFrom"), Date(o, "maintenanceTo")),
            nameof(AuthorizeContact) => new AuthorizeContact(Id(o, "accountId"), Id(o, "contactId")),
            nameof(RevokeContact) => new RevokeContact(Id(o, "accountId"), Id(o, "contactId")),
            nameof(ChangeMonthlyRate) => new ChangeMonthlyRate(Id(o, "accountId"), Decimal(o, "monthlyRate"), Month(o, "effectiveMonth")),
            nameof(RenewMaintenance) => new RenewMaintenance(Id(o, "accountId"), Date(o, "maintenanceTo")),
            nameof(ScheduleMaintenanceWindow) => new ScheduleMaintenanceWindow(Id(o, "accountId"), Instant(o, "from"), Instant(o, "to")),
            nameof(OpenTicket) => new OpenTicket(Id(o, "ticketId"), Id(o, "accountId"), Id(o, "contactId"), String(o, "channel"),
                Enum<Priority>(o, "priority"), String(o, "category"), String(o, "releaseStage"), OptionalBool(o, "customized") ?? false,
                OptionalString(o, "language"), OptionalString(o, "summary")),
            nameof(EscalateTicket) => new EscalateTicket(Id(o, "ticketId"), Enum<Priority>(o, "priority"), OptionalString(o, "reason")),
            nameof(CloseTicket) => new CloseTicket(Id(o, "ticketId"), OptionalString(o, "resolution")),
            nameof(OpenTroubleTicket) => new OpenTroubleTicket(Id(o, "troubleTicketId"), Id(o, "replacesTicketId"), Enum<TroubleTicketKind>(o, "kind")),
            nameof(AssignTroubleTicket) => new AssignTroubleTicket(Id(o, "troubleTicketId"), Id(o, "agentId")),
            nameof(ResolveTroubleTicket) => new ResolveTroubleTicket(Id(o, "troubleTicketId"), Enum<RootCause>(o, "rootCause")),
            nameof(CloseTroubleTicket) => new CloseTroubleTicket(Id(o, "troubleTicketId"), OptionalEnum<RootCause>(o, "rootCause")),
            nameof(RequestCredit) => new RequestCredit(Id(o, "troubleTicketId"), Id(o, "contactId"), OptionalId(o, "requestId")),
            _ => throw new InvalidInputException(InvalidCodes.UnknownCommand, "type",
                $"unknown command type '{type}'; expected one of {string.Join(", ", CommandTypes)}"),
        };
        var error = command.Validate().FirstOrDefault();
        if (error is not null)
        {
            throw new InvalidInputException(InvalidCodes.InvalidValue, error.Field, $"{error.Field} {error.Message}");
        }
        return command;
    }

    /// <summary>R1: an instant must carry an offset (or Z); a local time is never guessed.</summary>
    public static Instant ParseInstant(string text, string field)
    {
        var result = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (result.Success)
        {
            return result.Value.ToInstant();
        }
        var local = LocalDateTimePattern.ExtendedIso.Parse(text);
        throw new InvalidInputException(InvalidCodes.InvalidInstant, field, local.Success
            ? $"{field} '{text}' has no UTC offset; write it as e.g. 2026-03-02T14:05:00-05:00 or ...Z (R1)"
            : $"{field} '{text}' is not an ISO-8601 instant with an offset, e.g. 2026-03-02T14:05:00-05:00");
    }

    public static Instant Instant(JObject o, string field) => ParseInstant(String(o, field), field);

    public static YearMonth ParseMonth(string text, string field)
    {
        var result = YearMonthPattern.Iso.Parse(text);
        return result.Success ? result.Value : throw Invalid(field, $"{field} '{text}' is not a month as YYYY-MM");
    }

    private static JToken Required(JObject o, string field)
    {
        var token = o[field];
        if (token is null || token.Type == JTokenType.Null)
        {
            throw new InvalidInputException(InvalidCodes.MissingField, field, $"{field} is required");
        }
        return token;
    }

    public static string String(JObject o, string field)
    {
        var token = Required(o, field);
        if (token.Type != JTokenType.String)
        {
            throw Invalid(field, $"{field} must be a string, not {token.Type.ToString().ToLowerInvariant()}");
        }
        return (string)token!;
    }

    private static string Id(JObject o, string field)
    {
        var value = String(o, field);
        if (string.IsNullOrWhiteSpace(value) || value.Length > 200 || value.Any(char.IsControl))
        {
            throw Invalid(field, $"{field} must be 1 to 200 printable characters");
        }
        return value;
    }

    private static string? OptionalId(JObject o, string field) => o[field] is null or { Type: JTokenType.Null } ? null : Id(o, field);

    private static string? OptionalString(JObject o, string field) => o[field] is null or { Type: JTokenType.Null } ? null : String(o, field);

    private static bool? OptionalBool(JObject o, string field)
    {
        var token = o[field];
        if (token is null || token.Type == JTokenType.Null)
        {
            return null;
        }
        return token.Type == JTokenType.Boolean ? (bool)token : throw Invalid(field, $"{field} must be true or false");
    }

    /// <summary>Money is a JSON number (interfaces.md), read as an exact decimal.</summary>
    private static decimal Decimal(JObject o, string field)
    {
        var token = Required(o, field);
        if (token.Type is not (JTokenType.Integer or JTokenType.Float))
        {
            throw Invalid(field, $"{field} must be a number");
        }
        try
        {
            // Money keeps at least cents in its scale (2200 and 2200.0 both read as 2200.00), so every figure prints alike.
            return token.Value<decimal>() + 0.00m;
        }
        catch (OverflowException)
        {
            throw Invalid(field, $"{field} is out of range");
        }
    }

    private static LocalDate Date(JObject o, string field)
    {
        var text = String(o, field);
        var result = LocalDatePattern.Iso.Parse(text);
        return result.Success ? result.Value : throw Invalid(field, $"{field} '{text}' is not a date as YYYY-MM-DD");
    }

    private static YearMonth Month(JObject o, string field) => ParseMonth(String(o, field), field);

    private static T Enum<T>(JObject o, string field) where T : struct, Enum
    {
        var text = String(o, field);
        // Names only: "1" or "p1" are not accepted as a priority.
        if (System.Enum.GetNames<T>().Contains(text, StringComparer.Ordinal))
        {
            return System.Enum.Parse<T>(text);
        }
        throw Invalid(field, $"{field} '{text}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}");
    }

    private static T? OptionalEnum<T>(JObject o, string field) where T : struct, Enum =>
        o[field] is null or { Type: JTokenType.Null } ? null : Enum<T>(o, field);

    private static InvalidInputException Invalid(string field, string message) => new(InvalidCodes.InvalidValue, field, message);

    public static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
