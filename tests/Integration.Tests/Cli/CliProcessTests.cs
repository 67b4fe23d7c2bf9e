using System.Text.RegularExpressions;
using JasperFx.CommandLine;
using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Host.Cli;
using Spiisee.EventSourced.Integration.Tests.Infrastructure;

namespace Spiisee.EventSourced.Integration.Tests.Cli;

/// <summary>The CLI as a user meets it: the real binary in its own process, help without a database, one-line errors.</summary>
[Collection(PostgresCollection.Name)]
public class CliProcessTests(PostgresDatabase database) : StoreTestBase(database)
{
    public static readonly TheoryData<string> Verbs = ["import", "statement", "account", "history", "timeline", "report"];

    private static readonly Type[] VerbCommands =
        [typeof(ImportCommand), typeof(StatementCommand), typeof(AccountCommand), typeof(HistoryCommand), typeof(TimelineCommand), typeof(ReportCommand)];

    private Task<(int Exit, string Out, string Err)> Run(params string[] args) => HostProcess.RunAsync(Database.ConnectionString, Schema, args);

    [Theory] // The list of commands needs no database, names every verb on a line of its own, and carries no framework noise.
    [InlineData("--help")]
    [InlineData("help")]
    public async Task Help_lists_the_verbs(string help)
    {
        var (exit, stdout, stderr) = await HostProcess.RunAsync(null, null, help);
        exit.ShouldBe(0, stderr);
        stderr.ShouldBeEmpty();
        stdout.ShouldNotContain("Searching");
        var lines = stdout.Split('\n').Select(l => l.Trim()).ToList();
        foreach (var verb in VerbCommands)
        {
            var line = $"{CommandFactory.CommandNameFor(verb)} {CommandFactory.DescriptionFor(verb)}";
            lines.ShouldContain(l => Regex.Replace(l, " +", " ") == line, $"no line '{line}' in\n{stdout}");
        }
        lines.ShouldContain(l => l.StartsWith("projections ")); // JasperFx's commands are still there
    }

    [Theory] // `help <verb>` and `<verb> --help` show the same usage, without a database.
    [MemberData(nameof(Verbs))]
    public async Task Each_verb_explains_itself(string verb)
    {
        var help = await HostProcess.RunAsync(null, null, "help", verb);
        var flag = await HostProcess.RunAsync(null, null, verb, "--help");
        (help.Exit, flag.Exit).ShouldBe((0, 0), help.Err + flag.Err);
        help.Out.ShouldContain($"Spiisee.EventSourced.Host {verb}");
        flag.Out.ShouldBe(help.Out);
    }

    [Fact]
    public async Task Import_usage_names_the_journal()
    {
        var (exit, stdout, _) = await HostProcess.RunAsync(null, null, "import", "--help");
        exit.ShouldBe(0);
        stdout.ShouldContain("Spiisee.EventSourced.Host import <journal>");
        stdout.ShouldContain("the journal file");
    }

    [Fact] // An argument that would be ignored is refused before anything runs.
    public async Task An_extra_argument_is_a_usage_error()
    {
        var (exit, stdout, stderr) = await Run("account", "acme", "extra");
        exit.ShouldBe(64);
        stdout.ShouldBeEmpty();
        stderr.ShouldBe("error: unexpected argument 'extra'" + Environment.NewLine);
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error()
    {
        var (exit, stdout, stderr) = await Run("statement", "--account", "acme", "--month", "2026-03", "--colour", "red");
        exit.ShouldBe(64);
        stdout.ShouldBeEmpty();
        stderr.ShouldBe("error: unknown option --colour; known: --account, --month, --format, --as-of" + Environment.NewLine);
    }

    [Theory] // A command that does not exist is one line, whether run or asked about.
    [InlineData("statment --account acme")]
    [InlineData("help statment")]
    public async Task An_unknown_command_is_a_usage_error(string commandLine)
    {
        var (exit, stdout, stderr) = await HostProcess.RunAsync(null, null, commandLine.Split(' '));
        exit.ShouldBe(64);
        stdout.ShouldBeEmpty();
        stderr.ShouldBe("error: unknown command 'statment' (help lists the commands)" + Environment.NewLine);
    }

    [Fact] // JasperFx's own commands read their arguments the same way: one line, not a stack trace.
    public async Task A_bad_argument_to_a_JasperFx_command_is_one_line()
    {
        var (exit, stdout, stderr) = await HostProcess.RunAsync(null, null, "projections", "rebiuld");
        exit.ShouldBe(64);
        stdout.ShouldBeEmpty();
        stderr.ShouldBe("error: Requested value 'rebiuld' was not found; help projections shows its usage" + Environment.NewLine);
    }

    [Theory] // Scripts pipe stdout: the statement and nothing else, in either format.
    [InlineData("json")]
    [InlineData("table")]
    public async Task Statement_stdout_is_only_the_statement(string format)
    {
        await ImportAsync(await File.ReadAllTextAsync(SamplePath("march-outage.jsonl")));
        var (exit, stdout, stderr) = await Run("statement", "--account", "acme", "--month=2026-03", "--format", format);
        exit.ShouldBe(0, stderr);
        stderr.ShouldBeEmpty();
        if (format == "json")
        {
            ((decimal)JObject.Parse(stdout)["totalCredit"]!).ShouldBe(1300.00m);
        }
        else
        {
            stdout.ShouldStartWith("Statement acme 2026-03");
        }
    }

    [Fact] // JasperFx's rebuild gets a host it may still configure: no refusal to override services.
    public async Task Projections_rebuild_runs_on_a_host_it_configures()
    {
        await ImportAsync(await File.ReadAllTextAsync(SamplePath("march-outage.jsonl")));
        var (exit, stdout, stderr) = await Run("projections", "rebuild");
        exit.ShouldBe(0, stdout + stderr);
        stdout.ShouldNotContain("Cannot override");
        stdout.ShouldNotContain("Searching");
        stdout.ShouldContain("Projection Rebuild complete!");
        var (_, statement, _) = await Run("statement", "--account", "acme", "--month", "2026-03");
        ((decimal)JObject.Parse(statement)["totalCredit"]!).ShouldBe(1300.00m);
    }

    [Fact] // `rebuild` killed half-way (SIGKILL: no clean-up of its own runs) leaves every read model as it was.
    public async Task A_rebuild_killed_half_way_leaves_every_document_as_it_was()
    {
        // Given several copy batches' worth of documents,
        var (_, summary) = await ImportAsync(Journals.ClosedOutages(Enumerable.Range(0, 200).Select(i => $"kill-{i}"), perAccount: 16));
        summary.Invalid.ShouldBe(0);
        var before = await Projected.SnapshotAsync(Store);

        // when `rebuild` is killed as soon as it reports its first batch,
        using var process = HostProcess.Start(Database.ConnectionString, Schema, "rebuild");
        var stdout = process.StandardOutput.ReadToEndAsync();
        string? line;
        while ((line = await process.StandardError.ReadLineAsync()) is not null && !line.Contains("events read", StringComparison.Ordinal))
        {
        }
        line.ShouldNotBeNull();
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        await stdout;

        // then it was killed before it finished, and a reader finds every document as it was.
        process.ExitCode.ShouldBe(137);
        (await Projected.SnapshotAsync(Store)).ShouldBeSameDocuments(before);
    }

    [Fact] // Imports started at once on a schema that does not exist yet: one creates it, the others wait and find it made.
    public async Task Imports_started_at_once_on_a_new_schema_all_succeed()
    {
        var fresh = Schema + "_new";
        var journal = Path.Combine(RepoRoot, "samples", "march-outage.jsonl");
        try
        {
            var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => HostProcess.RunAsync(Database.ConnectionString, fresh, "import", journal)));
            runs.ShouldAllBe(r => r.Exit == 0, string.Join('\n', runs.Select(r => r.Err)));
            runs.Count(r => r.Err.Contains("(0 already applied)", StringComparison.Ordinal)).ShouldBe(1);
        }
        finally
        {
            await using var connection = new Npgsql.NpgsqlConnection(Database.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"drop schema if exists {fresh} cascade", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact] // After an upgrade that adds a read model, `rebuild` makes its table and fills it (it said "no schema here yet").
    public async Task A_rebuild_makes_the_read_model_tables_it_misses()
    {
        // Given an imported journal whose monthly approvals and incident files have no table,
        var (_, summary) = await ImportAsync(await File.ReadAllTextAsync(Path.Combine(RepoRoot, "samples", "quarter-2026-q1.jsonl")));
        summary.Invalid.ShouldBe(0);
        var before = await Projected.SnapshotAsync(Store);
        await using (var connection = new Npgsql.NpgsqlConnection(Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"drop table {Schema}.mt_doc_monthlyapprovals cascade; drop table {Schema}.mt_doc_incidentfile cascade", connection);
            await drop.ExecuteNonQueryAsync();
        }

        // when `rebuild` runs,
        var (exit, _, stderr) = await Run("rebuild");

        // then it succeeds and every document is back.
        exit.ShouldBe(0, stderr);
        (await Projected.SnapshotAsync(Store)).ShouldBeSameDocuments(before);
    }
}
