using Marten;

namespace Spiisee.EventSourced.Projections.Journal;

/// <summary>
/// Writes a batch's <see cref="AppliedCommand"/> records with one statement in the batch's transaction, where
/// <c>session.Insert</c> would queue one statement per record: those statements, their parameters and versions were a
/// quarter of an import's time. The rows are the ones Marten writes (same table, JSON from the store's serializer, the
/// table's own version and timestamp defaults), so <c>LoadManyAsync&lt;AppliedCommand&gt;</c> reads them as before.
/// </summary>
public static class AppliedCommandRecords
{
    /// <summary>The records' primary key: a second writer recording the same line first is a concurrency failure.</summary>
    public const string PrimaryKey = "pkey_mt_doc_appliedcommand_id";

    public static void Queue(IDocumentSession session, IReadOnlyList<AppliedCommand> records)
    {
        if (records.Count == 0)
        {
            return;
        }
        var options = session.DocumentStore.Options;
        var table = options.FindOrResolveDocumentType(typeof(AppliedCommand)).TableName.QualifiedName;
        var serializer = options.Serializer();
        var ids = new string[records.Count];
        var data = new string[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            ids[i] = records[i].Id;
            data[i] = serializer.ToJson(records[i]);
        }
        session.QueueSqlCommand(
            $"insert into {table} (id, data, mt_dotnet_type) select r.id, r.data::jsonb, ? from unnest(?::varchar[], ?::text[]) as r(id, data)",
            typeof(AppliedCommand).FullName!, ids, data);
    }
}
