namespace Spiisee.EventSourced.Host.Api;

/// <summary>
/// The body an endpoint reads, for the OpenAPI document only. Declared as metadata rather than with Accepts or
/// [Consumes], which would make routing answer a wrong media type with a bare 415 before the key is even checked;
/// the endpoints answer 415 themselves, as a problem document, after authorization.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequestBodyAttribute(string contentType, Type? schema = null) : Attribute
{
    public string ContentType { get; } = contentType;

    /// <summary>The body's shape; null for text such as NDJSON.</summary>
    public Type? Schema { get; } = schema;
}
