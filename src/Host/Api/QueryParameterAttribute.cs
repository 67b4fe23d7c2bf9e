namespace Spiisee.EventSourced.Host.Api;

/// <summary>
/// A query-string parameter an endpoint reads, declared for the OpenAPI document (the endpoints read the query
/// through one validating reader, so the framework does not bind them itself).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class QueryParameterAttribute(string name, string description, bool required = false) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    public bool Required { get; } = required;
}
