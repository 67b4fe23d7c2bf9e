using System.Diagnostics;
using Marten;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Projections.Commands;

namespace Spiisee.EventSourced.Projections.Journal;

/// <summary>
/// Streams a journal through the domain decisions in batches: each batch is one transaction (its lines' events,
/// their idempotency records and the inline projections), so memory stays bounded and throughput is that of batched
/// appends. Lines are decided in file order, each against the state left by the lines before it.
/// </summary>
public sealed class JournalImporter(IDocumentStore store, HolidayCalendar calendar, Actor actor, int batchSize = 500)
{
    private const int MaxAttempts = 5;

    public async Task<ImportSummary> ImportAsync(TextReader reader, Func<LineResult, ValueTask> onResult, Action<string>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        int lines = 0, accepted = 0, rejected = 0, invalid = 0, replayed = 0, number = 0;
        var batch = new List<(int Number, string Text)>(batchSize);
        var lastReport = TimeSpan.Zero;

        async Task Flush()
        {
            foreach (var result in await ImportBatchAsync(batch, ct))
            {
                lines++;
                switch (result.Status)
                {
                    case LineStatus.Accepted: accepted++; break;
                    case LineStatus.Rejected: rejected++; break;
                    default: invalid++; break;
                }
                if (result.AlreadyApplied)
                {
                    replayed++;
                }
                await onResult(result);
            }
            batch.Clear();
            if (progress is not null && clock.Elapsed - lastReport > TimeSpan.FromSeconds(2))
            {
                lastReport = clock.Elapsed;
                progress($"{lines} lines, {lines / Math.Max(clock.Elapsed.TotalSeconds, 0.001):F0} lines/s");
            }
        }

        while (await reader.ReadLineAsync(ct) is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            batch.Add((number, text));
            if (batch.Count >= batchSize)
            {
                await Flush();
            }
        }
        if (batch.Count > 0)
        {
            await Flush();
        }
        return new ImportSummary(lines, accepted, rejected, invalid, replayed, clock.Elapsed);
    }

    private async Task<IReadOnlyList<LineResult>> ImportBatchAsync(IReadOnlyList<(int Number, string Text)> batch, CancellationToken ct)
    {
        var parsed = batch.Select(l => Parse(l.Number, l.Text)).ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryBatchAsync(parsed, ct);
            }
            catch (Exception e) when (attempt < MaxAttempts && ConcurrencyFailures.IsConcurrencyFailure(e))
            {
                // Another writer touched one of these streams: read them again and decide again.
            }
        }
    }

    private async Task<IReadOnlyList<LineResult>> TryBatchAsync(IReadOnlyList<object> parsed, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var lines = parsed.OfType<JournalLine>().ToList();
        var applied = (await session.LoadManyAsync<AppliedCommand>(ct, lines.Select(l => l.IdempotencyKey).Distinct()))
            .ToDictionary(a => a.Id);
        var uow = new UnitOfWork(session, calendar);
        await uow.PreloadAsync(lines.Where(l => !applied.ContainsKey(l.IdempotencyKey)).Select(l => l.Command).ToList(), ct);

        var results = new List<LineResult>(parsed.Count);
        foreach (var item in parsed)
        {
            if (item is LineResult invalid)
            {
                results.Add(invalid);
                continue;
            }
            var line = (JournalLine)item;
            if (applied.TryGetValue(line.IdempotencyKey, out var before))
            {
                results.Add(new LineResult(line.Number, before.Status, before.Reason, AlreadyApplied: true));
                continue;
            }
            var decision = await uow.ExecuteAsync(line.Command, new CommandContext(line.At, CommandRouting.ActorFor(line.Command, actor)), ct);
            var status = decision.IsAccepted ? LineStatus.Accepted : LineStatus.Rejected;
            var record = new AppliedCommand(line.IdempotencyKey, line.Type, line.At, status, decision.Reason);
            applied[record.Id] = record;
            session.Insert(record);
            results.Add(new LineResult(line.Number, status, decision.Reason));
        }
        await uow.SaveAsync(ct);
        return results;
    }

    private static object Parse(int number, string text)
    {
        try
        {
            return JournalLine.Parse(text, number);
        }
        catch (InvalidInputException e)
        {
            return new LineResult(number, LineStatus.Invalid, e.Code, e.Field, e.Message);
        }
    }
}
