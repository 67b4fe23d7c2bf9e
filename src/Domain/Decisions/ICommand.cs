namespace Spiisee.EventSourced.Domain.Decisions;

/// <summary>A field-level problem with a command's input: invalid input, rejected before any decision.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>Commands, in the imperative. Validate checks what makes a command meaningless, not policy.</summary>
public interface ICommand
{
    IEnumerable<FieldError> Validate() => [];
}
