using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using Spiisee.EventSourced.Projections.Queries;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Integration.Tests.Projections;

public class JsonContractsTests
{
    public sealed record Node(string Name, Node? Next, List<Node> Children, Dictionary<string, Node> Named);

    [Fact] // Given types that reach themselves, when their contracts are primed, then the walk ends and a round trip holds.
    public void Priming_ends_on_recursive_types_and_changes_no_output()
    {
        JsonContracts.Prime([typeof(Node), typeof(StatementView), typeof(HistoryView), typeof(AccountView)]);

        var node = new Node("a", new Node("b", null, [], []), [new Node("c", null, [], [])], new() { ["d"] = new Node("d", null, [], []) });
        var json = JsonConvert.SerializeObject(node, JsonSettings.Create());
        json.ShouldBe("""{"name":"a","next":{"name":"b","next":null,"children":[],"named":{}},"children":[{"name":"c","next":null,"children":[],"named":{}}],"named":{"d":{"name":"d","next":null,"children":[],"named":{}}}}""");
        JsonConvert.SerializeObject(JsonConvert.DeserializeObject<Node>(json, JsonSettings.Create()), JsonSettings.Create()).ShouldBe(json);
    }

    [Fact] // The primed contracts are the ones every serializer of JsonSettings resolves: the resolver shares them.
    public void Primed_contracts_are_shared_with_the_settings_resolver()
    {
        JsonContracts.Prime([typeof(Node)]);
        var primed = JsonSettings.Resolver.ResolveContract(typeof(Node));
        JsonSettings.Create().ContractResolver!.ResolveContract(typeof(Node)).ShouldBeSameAs(primed);
        JsonSettings.Create(indented: true).ContractResolver!.ResolveContract(typeof(Node)).ShouldBeSameAs(primed);
    }
}
