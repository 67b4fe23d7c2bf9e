using Marten;
using NpgsqlTypes;
using Spiisee.EventSourced.Projections.Commands;

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

    /// <summary>
    /// Inserts the records at once, in the transaction the batch's events are saved in later: the import does it while
    /// the batch before is being saved, so the insert is off its critical path (the save). Each record's id is a line
    /// the batch before does not hold (the importer reads those from what it carries over), so the insert waits on no
    /// other batch of the same import; a second writer's uncommitted record with the same id makes it wait for that
    /// writer, and fail as a concurrency failure if it commits.
    /// </summary>
    public static async Task InsertAsync(WriteSession write, IReadOnlyList<AppliedCommand> records, CancellationToken ct)
    {
        if (records.Count == 0)
        {
            return;
        }
        var options = write.Session.DocumentStore.Options;
        var table = options.FindOrResolveDocumentType(typeof(AppliedCommand)).TableName.QualifiedName;
        var serializer = options.Serializer();
        var ids = new string[records.Count];
        var data = new string[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            ids[i] = records[i].Id;
            data[i] = serializer.ToJson(records[i]);
        }
        await using var command = write.Command(
            $"insert into {table} (id, data, mt_dotnet_type) select r.id, r.data::jsonb, @type from unnest(@ids, @data) as r(id, data)");
        command.Parameters.AddWithValue("type", NpgsqlDbType.Varchar, typeof(AppliedCommand).FullName!);
        command.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Varchar, ids);
        command.Parameters.AddWithValue("data", NpgsqlDbType.Array | NpgsqlDbType.Text, data);
        await command.ExecuteNonQueryAsync(ct);
    }
}
