using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Json;
using KetamineCds.IntegrationTests.Fixtures;
using Npgsql;
using NpgsqlTypes;

// Decision-log figures on PostgreSQL (docs/benchmarks.md, "Decision log"): starts a throwaway PostgreSQL 15 cluster,
// migrates it, bulk-loads N hash-chained screenings with binary COPY, then times the auditor's filtered first page,
// full chain verification, verification against signed checkpoints (full, and incremental from the newest
// checkpoint) and impact analysis through the app's own code.
//   dotnet run -c Release --project benchmarks/KetamineCds.DecisionLogBenchmarks -- [entries=1000000] [checkpoints]
// With "checkpoints" only the bulk load and the checkpoint figures run (the focused harness of docs/benchmarks.md).
var entries = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var checkpointsOnly = args.Length > 1 && args[1] == "checkpoints";
Console.WriteLine($"KetamineCds decision-log benchmark: {entries:N0} screenings, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

if (!checkpointsOnly)
{
    await SqliteWriters.RunAsync();
}

await using var cluster = await PostgresCluster.StartAsync();
var database = await cluster.CreateDatabaseAsync("bench");
var settings = new KetamineCdsDatabaseSettings(
    DatabaseProvider.Postgres,
    cluster.ConnectionString("ketaminecds_app", database, "bench"),
    cluster.SuperuserConnectionString(database),
    "ketaminecds_app");
var factory = new KetamineCdsContextFactory(settings);
await DependencyInjection.MigrateAsync(factory);

var load = Stopwatch.StartNew();
var clinicians = await BulkLoad.RunAsync(settings.MigrationsConnectionString, entries);
Console.WriteLine($"Bulk load (generate, hash, binary COPY, ANALYZE): {load.Elapsed.TotalSeconds:F1} s");

var access = new EfAccessAudit(factory, TimeProvider.System);
var audit = new DecisionLogAudit(factory, access);
var log = new EfDecisionLog(factory, TimeProvider.System);

await CheckpointFigures.RunAsync(factory, log, settings.MigrationsConnectionString, entries);
if (checkpointsOnly)
{
    return;
}

// The auditor's filtered first page: each filter warmed once, then timed 20 times.
var end = BulkLoad.Start.AddMinutes(entries);
var filters = new (string Name, AuditFilter Filter)[]
{
    ("no filter", new AuditFilter()),
    ("clinician", new AuditFilter(Clinician: clinicians[7])),
    ("patient reference", new AuditFilter(PatientReference: "MRN-004242")),
    ("verdict not-eligible-now", new AuditFilter(Overall: Verdict.NotEligibleNow)),
    ("rule-set version", new AuditFilter(RuleSetVersion: "1.0.0")),
    ("period (one month, a year back)", new AuditFilter(From: end.AddDays(-365), To: end.AddDays(-335))),
    ("clinician + period", new AuditFilter(From: end.AddDays(-365), To: end.AddDays(-335), Clinician: clinicians[3])),
    ("clinician + verdict", new AuditFilter(Clinician: clinicians[5], Overall: Verdict.Eligible)),
};
Console.WriteLine("Filtered first page (50 rows), 20 runs each:");
foreach (var (name, filter) in filters)
{
    await audit.SearchAsync(filter, null, 50);
    var times = new List<double>();
    var rows = 0;
    for (var i = 0; i < 20; i++)
    {
        var sw = Stopwatch.StartNew();
        rows = (await audit.SearchAsync(filter, null, 50)).Items.Count;
        times.Add(sw.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine($"  {name,-34} rows {rows,3}  median {times[10],7:F1} ms  max {times[^1],7:F1} ms");
}

await using (var raw = new NpgsqlConnection(settings.MigrationsConnectionString))
{
    await raw.OpenAsync();
    var readAll = Stopwatch.StartNew();
    long bytes = 0;
    await using var cmd = new NpgsqlCommand("SELECT \"InputJson\", \"HistoryJson\", \"AssessmentJson\" FROM \"DecisionLogEntries\" ORDER BY \"Sequence\"", raw);
    await using var reader = await cmd.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        bytes += reader.GetString(0).Length + reader.GetString(1).Length + reader.GetString(2).Length;
    }

    Console.WriteLine($"Raw read of the JSON columns: {readAll.Elapsed.TotalSeconds:F1} s, {bytes / 1e6:F0} M chars, {bytes / entries} chars per entry");
}

var verify = Stopwatch.StartNew();
var verification = await log.VerifyAsync();
verify.Stop();
Console.WriteLine($"Verification: {verification.Checked:N0} entries, intact={verification.Intact}, {verify.Elapsed.TotalSeconds:F1} s, {verification.Checked / verify.Elapsed.TotalSeconds:N0} entries/s");

// The auditor's CSV export reads every row's stored texts, to mark those that cannot be read: the whole log, and one month.
foreach (var (name, filter) in new[] { ("whole log", new AuditFilter()), ("one month", new AuditFilter(From: end.AddDays(-365), To: end.AddDays(-335))) })
{
    var export = Stopwatch.StartNew();
    long exported = 0, unreadable = 0;
    await foreach (var item in audit.ExportAsync(filter))
    {
        exported++;
        unreadable += item.Unreadable ? 1 : 0;
    }

    Console.WriteLine($"CSV export rows, {name}: {exported:N0} rows ({unreadable} unreadable), {export.Elapsed.TotalSeconds:F1} s, {exported / export.Elapsed.TotalSeconds:N0} rows/s");
}

// The CPU part of impact analysis alone, one thread: deserialize the stored history and screen it.
await using (var raw = new NpgsqlConnection(settings.MigrationsConnectionString))
{
    await raw.OpenAsync();
    var histories = new List<string>();
    var inputs = new List<string>();
    await using (var cmd = new NpgsqlCommand("SELECT \"HistoryJson\", \"InputJson\" FROM \"DecisionLogEntries\" ORDER BY \"Sequence\" LIMIT 20000", raw))
    await using (var reader = await cmd.ExecuteReaderAsync())
    {
        while (await reader.ReadAsync())
        {
            histories.Add(reader.GetString(0));
            inputs.Add(reader.GetString(1));
        }
    }

    foreach (var h in histories.Take(2000))
    {
        ScreeningEngine.Evaluate(JsonSerializer.Deserialize<PatientHistory>(h, ContractJson.Options)!);
    }

    var cpu = Stopwatch.StartNew();
    var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
    foreach (var h in histories)
    {
        ScreeningEngine.Evaluate(JsonSerializer.Deserialize<PatientHistory>(h, ContractJson.Options)!);
    }

    var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpuStart;
    var parsed = histories.Select(h => JsonSerializer.Deserialize<PatientHistory>(h, ContractJson.Options)!).ToList();
    var evalStart = Process.GetCurrentProcess().TotalProcessorTime;
    foreach (var h in parsed)
    {
        ScreeningEngine.Evaluate(h);
    }

    var evalUsed = Process.GetCurrentProcess().TotalProcessorTime - evalStart;
    Console.WriteLine($"Screening alone (already parsed): {parsed.Count / evalUsed.TotalSeconds:N0} per CPU second");
    Console.WriteLine($"Deserialize + screen in memory, one thread: {histories.Count / cpu.Elapsed.TotalSeconds:N0} per wall second, {histories.Count / cpuUsed.TotalSeconds:N0} per CPU second");

    // The impact analysis's whole work per entry, one thread: the above, and the input as submitted read and compared
    // with the history (StoredInputs.Agree), as DecisionLogAudit.AnalyzeImpactAsync does for every entry.
    var perEntryStart = Process.GetCurrentProcess().TotalProcessorTime;
    var agreeing = 0;
    for (var i = 0; i < histories.Count; i++)
    {
        var history = JsonSerializer.Deserialize<PatientHistory>(histories[i], ContractJson.Options)!;
        agreeing += StoredInputs.Agree(inputs[i], history) ? 1 : 0;
        ScreeningEngine.Evaluate(history);
    }

    var perEntryUsed = Process.GetCurrentProcess().TotalProcessorTime - perEntryStart;
    Console.WriteLine($"Deserialize + compare the stored input + screen, one thread: {histories.Count / perEntryUsed.TotalSeconds:N0} per CPU second ({agreeing:N0} of {histories.Count:N0} agree)");
}

var impact = await audit.AnalyzeImpactAsync(null, null, RuleSetCatalog.Current);
Console.WriteLine($"Impact analysis (current rule set): {impact.Examined:N0} screenings, {impact.Changes.Count} changed, {impact.Elapsed.TotalSeconds:F1} s, {impact.ScreeningsPerSecond:N0} screenings/s");
var modified = new RuleSet("9.9.9", RuleSetCatalog.Current.Rules.Where(r => r.Id != "PSY-001").ToList(), RuleSetCatalog.Current.Pathways);
impact = await audit.AnalyzeImpactAsync(null, null, modified);
Console.WriteLine($"Impact analysis (without PSY-001): {impact.Examined:N0} screenings, {impact.Changes.Count:N0} changed, {impact.Elapsed.TotalSeconds:F1} s, {impact.ScreeningsPerSecond:N0} screenings/s");
// 1.0.0 -> 1.1.0 over the whole log: the auditor's version comparison, with the from/to matrix and, for the changed
// screenings only, the rules that newly fired or stopped firing (each changed row is screened a second time).
impact = await audit.AnalyzeImpactAsync(null, null, RuleSetCatalog.V1_1_0, RuleSetCatalog.V1_0_0);
Console.WriteLine($"Impact analysis (1.0.0 -> 1.1.0): {impact.Examined:N0} screenings, {impact.Changes.Count:N0} changed, {impact.Rules.Count} rules behind them, {impact.Elapsed.TotalSeconds:F1} s, {impact.ScreeningsPerSecond:N0} screenings/s");

/// <summary>
/// Verification against signed checkpoints at scale: a checkpoint every 10,000 entries (as the interval writer leaves
/// them on a busy log), then a full check (the whole chain and every checkpoint), an incremental check of the last
/// 10,000 entries (from the checkpoint at N - 10,000), the writer's own step (incremental walk, sign, write), and the
/// cost of checking checkpoints themselves (signature and entry lookup), per 10,000.
/// </summary>
internal static class CheckpointFigures
{
    public static async Task RunAsync(KetamineCdsContextFactory factory, EfDecisionLog log, string ownerConnectionString, int entries)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ketaminecds-bench-checkpoints-" + Guid.NewGuid().ToString("N"));
        var settings = new KetamineCds.Infrastructure.Checkpoints.CheckpointSettings(
            Path.Combine(folder, "checkpoints"), Path.Combine(folder, "key.pem"), true, TimeSpan.FromMinutes(5), [], []);
        using var keys = KetamineCds.Infrastructure.Checkpoints.CheckpointKeys.Load(settings);
        var files = new KetamineCds.Infrastructure.Checkpoints.CheckpointFiles(settings);
        var checkpoints = new KetamineCds.Infrastructure.Checkpoints.DecisionLogCheckpoints(factory, log, files, keys, TimeProvider.System);
        try
        {
            var heads = new List<(long Sequence, Guid Id, string Hash)>();
            await using (var raw = new NpgsqlConnection(ownerConnectionString))
            {
                await raw.OpenAsync();
                await using var cmd = new NpgsqlCommand("SELECT \"Sequence\", \"Id\", \"Hash\" FROM \"DecisionLogEntries\" WHERE \"Sequence\" % 10000 = 0 AND \"Sequence\" < @n ORDER BY 1", raw);
                cmd.Parameters.AddWithValue("n", (long)entries);
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    heads.Add((reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2)));
                }
            }

            // What the interval writer would have signed as the log grew: the head at every 10,000th entry.
            foreach (var (sequence, id, hash) in heads)
            {
                files.Write(keys.Signing!.Sign("decisions", sequence, hash, id, BulkLoad.Start.AddMinutes(sequence + 1)));
            }

            Console.WriteLine($"Checkpoints: {heads.Count:N0} on disk, the newest at entry {heads[^1].Sequence:N0}");
            var full = Stopwatch.StartNew();
            var all = await checkpoints.VerifyAsync(KetamineCds.Infrastructure.Checkpoints.VerificationMode.Full);
            full.Stop();
            Console.WriteLine($"Full verification with checkpoints: {all.Chain.Checked:N0} entries and {all.Holding:N0} checkpoints, intact={all.Intact}, {full.Elapsed.TotalSeconds:F1} s, {all.Chain.Checked / full.Elapsed.TotalSeconds:N0} entries/s");

            var times = new List<double>();
            KetamineCds.Infrastructure.Checkpoints.LogVerification? incremental = null;
            for (var i = 0; i < 5; i++)
            {
                var sw = Stopwatch.StartNew();
                incremental = await checkpoints.VerifyAsync(KetamineCds.Infrastructure.Checkpoints.VerificationMode.FromCheckpoint);
                times.Add(sw.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine($"Incremental verification from checkpoint {incremental!.StartedAfter:N0}: {incremental.Chain.Checked:N0} entries, intact={incremental.Intact}, median of 5 {times[2]:F0} ms (min {times[0]:F0}, max {times[^1]:F0}), {incremental.Chain.Checked / (times[2] / 1000):N0} entries/s");

            // The periodic writer verifies from the newest checkpoint; an auditor's checkpoint is signed only after a full
            // verification (QA10c S2), so it takes about as long as the full walk.
            foreach (var (what, mode) in new[]
            {
                ("the periodic writer: verify from the newest checkpoint", KetamineCds.Infrastructure.Checkpoints.VerificationMode.FromCheckpoint),
                ("an auditor's: verify in full", KetamineCds.Infrastructure.Checkpoints.VerificationMode.Full),
            })
            {
                var create = Stopwatch.StartNew();
                var created = await checkpoints.CreateAsync(mode);
                create.Stop();
                Console.WriteLine($"Writing a checkpoint ({what}, sign, write): entry {created.Checkpoint?.Sequence:N0}, {create.Elapsed.TotalMilliseconds:F0} ms");
            }

            var many = Enumerable.Range(0, 10_000)
                .Select(i => heads[i % heads.Count])
                .Select((h, i) => keys.Signing!.Sign("decisions", h.Sequence, h.Hash, h.Id, BulkLoad.Start.AddSeconds(i)))
                .Select((c, i) => new KetamineCds.Infrastructure.Checkpoints.CheckpointFile("bench", i.ToString(CultureInfo.InvariantCulture), c.ToJson()))
                .ToList();
            var check = Stopwatch.StartNew();
            var statuses = await checkpoints.CheckAsync(many);
            check.Stop();
            Console.WriteLine($"Checking 10,000 checkpoints (parse, signature, entry lookup): {statuses.Count(s => s.Verdict == KetamineCds.Infrastructure.Checkpoints.CheckpointVerdict.Holds):N0} hold, {check.Elapsed.TotalSeconds:F2} s");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>32 concurrent writers appending to one SQLite file (WAL, synchronous=NORMAL, writes queued in the app).</summary>
internal static class SqliteWriters
{
    public static async Task RunAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), "ketaminecds-bench-" + Guid.NewGuid().ToString("N") + ".db");
        var connection = "Data Source=" + path;
        var factory = new KetamineCdsContextFactory(new KetamineCdsDatabaseSettings(DatabaseProvider.Sqlite, connection, connection));
        await DependencyInjection.MigrateAsync(factory);
        var log = new EfDecisionLog(factory, TimeProvider.System);
        var history = new PatientHistory
        {
            PatientReference = "MRN-1",
            AgeYears = 45,
            PrimaryDiagnosis = PrimaryDiagnosis.Mdd,
            CurrentDepressiveEpisode = true,
            FailedAdequateTrials = 3,
            DistinctMechanisms = 2,
            OnOralAntidepressant = true,
            Psychosis = PsychosisStatus.None,
            Suicidality = Suicidality.None,
        };
        var submission = new ScreeningSubmission(history, JsonSerializer.Serialize(history, ContractJson.Options), ScreeningEngine.Evaluate(history), new Actor("u", "u@x", "Psychiatrist"), "c");
        await log.RecordScreeningAsync(submission);
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var all = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                var sw = Stopwatch.StartNew();
                await log.RecordScreeningAsync(submission);
                latencies.Add(sw.Elapsed.TotalMilliseconds);
            }
        })));
        var sorted = latencies.Order().ToArray();
        var verified = await log.VerifyAsync();
        Console.WriteLine($"SQLite, 32 concurrent writers x 20 appends: {sorted.Length / all.Elapsed.TotalSeconds:N0} appends/s, p50 {sorted[sorted.Length / 2]:F1} ms, p99 {sorted[(int)(sorted.Length * 0.99)]:F1} ms, chain intact={verified.Intact} ({verified.Checked} entries)");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}

/// <summary>Generates realistic screenings and writes them, chained, with one binary COPY.</summary>
internal static class BulkLoad
{
    public static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// The input as submitted, as the app stores it (ScreeningRequest.ToContractJson): every contract field, null where not
    /// recorded (the app leaves out a yes/no never answered; naming it null, as here, is the larger row, as a form with every
    /// unknown answered "Not known" stores it). The impact analysis reads it beside the history to compare the two (StoredInputs).
    /// </summary>
    public static string InputAsSubmitted(string historyJson)
    {
        var fields = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(historyJson)!;
        var input = new System.Text.Json.Nodes.JsonObject();
        foreach (var field in Fields.All)
        {
            input[field.Name] = fields[field.Name]?.DeepClone();
        }

        return input.ToJsonString();
    }

    public static async Task<string[]> RunAsync(string ownerConnectionString, int count)
    {
        var random = new Random(42);
        var clinicians = Enumerable.Range(0, 200).Select(i => $"clinician{i:D3}@clinic.example").ToArray();
        // A pool of distinct histories, each screened once; rows differ by patient, clinician and time.
        var pool = Enumerable.Range(0, 4000).Select(_ => RandomHistory(random)).Select(h =>
        {
            var assessment = ScreeningEngine.Evaluate(h);
            return (History: h, Overall: WireNames.Of(assessment.Overall), AssessmentJson: JsonSerializer.Serialize(assessment, ContractJson.Options));
        }).ToArray();
        var ruleSet = RuleSetCatalog.Current.Identity;

        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        var previous = ChainHash.Genesis;
        var lastId = Guid.Empty;
        using (var writer = await connection.BeginBinaryImportAsync(
            "COPY \"DecisionLogEntries\" (\"Sequence\", \"Id\", \"EntryType\", \"RecordedAt\", \"ActorUserId\", \"ActorEmail\", \"ActorRole\", \"CorrelationId\", "
            + "\"PatientReference\", \"Overall\", \"RuleSetVersion\", \"RuleSetDigest\", \"InputJson\", \"HistoryJson\", \"AssessmentJson\", "
            + "\"RelatesToId\", \"CorrectionReason\", \"PreviousHash\", \"Hash\") FROM STDIN (FORMAT BINARY)"))
        {
            for (long sequence = 1; sequence <= count; sequence++)
            {
                var pick = pool[random.Next(pool.Length)];
                var clinician = random.Next(clinicians.Length);
                var history = pick.History with { PatientReference = "MRN-" + random.Next(100_000).ToString("D6", CultureInfo.InvariantCulture) };
                var historyJson = JsonSerializer.Serialize(history, ContractJson.Options);
                var inputJson = InputAsSubmitted(historyJson);
                if (sequence % 100_000 == 0)
                {
                    Console.WriteLine($"  loaded {sequence:N0}");
                }

                var recordedAt = Start.AddMinutes(sequence).AddTicks(random.Next(0, 500_000) * 10L);
                var e = new DecisionLogEntry
                {
                    Sequence = sequence,
                    Id = Guid.CreateVersion7(recordedAt),
                    EntryType = DecisionLogEntryTypes.Screening,
                    RecordedAt = recordedAt,
                    ActorUserId = "user-" + clinician.ToString(CultureInfo.InvariantCulture),
                    ActorEmail = clinicians[clinician],
                    ActorRole = "Psychiatrist",
                    CorrelationId = sequence.ToString("x16", CultureInfo.InvariantCulture),
                    PatientReference = history.PatientReference,
                    Overall = pick.Overall,
                    RuleSetVersion = ruleSet.Version,
                    RuleSetDigest = ruleSet.Digest,
                    InputJson = inputJson,
                    HistoryJson = historyJson,
                    AssessmentJson = pick.AssessmentJson,
                    PreviousHash = previous,
                };
                e.Hash = ChainHash.Compute(e);
                previous = e.Hash;
                lastId = e.Id;

                writer.StartRow();
                writer.Write(e.Sequence, NpgsqlDbType.Bigint);
                writer.Write(e.Id, NpgsqlDbType.Uuid);
                writer.Write(e.EntryType, NpgsqlDbType.Varchar);
                writer.Write(e.RecordedAt, NpgsqlDbType.TimestampTz);
                writer.Write(e.ActorUserId, NpgsqlDbType.Varchar);
                writer.Write(e.ActorEmail, NpgsqlDbType.Varchar);
                writer.Write(e.ActorRole, NpgsqlDbType.Varchar);
                writer.Write(e.CorrelationId, NpgsqlDbType.Varchar);
                writer.Write(e.PatientReference, NpgsqlDbType.Varchar);
                writer.Write(e.Overall, NpgsqlDbType.Varchar);
                writer.Write(e.RuleSetVersion, NpgsqlDbType.Varchar);
                writer.Write(e.RuleSetDigest, NpgsqlDbType.Varchar);
                writer.Write(e.InputJson, NpgsqlDbType.Text);
                writer.Write(e.HistoryJson, NpgsqlDbType.Text);
                writer.Write(e.AssessmentJson, NpgsqlDbType.Text);
                writer.WriteNull();
                writer.WriteNull();
                writer.Write(e.PreviousHash, NpgsqlDbType.Varchar);
                writer.Write(e.Hash, NpgsqlDbType.Varchar);
            }

            writer.Complete();
        }

        // The head moves to the last loaded entry (its trigger checks that the entry is there with that hash).
        await using (var head = new NpgsqlCommand(
            "UPDATE \"LogChainHeads\" SET \"LastSequence\" = @s, \"LastHash\" = @h, \"LastId\" = @i WHERE \"Chain\" = 'decisions'; ANALYZE;",
            connection))
        {
            head.Parameters.AddWithValue("s", (long)count);
            head.Parameters.AddWithValue("h", previous);
            head.Parameters.AddWithValue("i", lastId);
            await head.ExecuteNonQueryAsync();
        }

        return clinicians;
    }

    private static PatientHistory RandomHistory(Random r)
    {
        T Pick<T>(params T[] values) => values[r.Next(values.Length)];
        var diagnosis = Pick(PrimaryDiagnosis.Mdd, PrimaryDiagnosis.Mdd, PrimaryDiagnosis.Mdd, PrimaryDiagnosis.BipolarI, PrimaryDiagnosis.BipolarII, PrimaryDiagnosis.Ptsd, PrimaryDiagnosis.Ocd, PrimaryDiagnosis.Other);
        var bipolar = diagnosis is PrimaryDiagnosis.BipolarI or PrimaryDiagnosis.BipolarII;
        var suicidality = Pick(Suicidality.None, Suicidality.None, Suicidality.None, Suicidality.PassiveIdeation, Suicidality.ActiveIdeation, Suicidality.ActiveIdeationWithPlan, Suicidality.RecentAttempt);
        var sex = Pick(SexAtBirth.Female, SexAtBirth.Male, SexAtBirth.Female, SexAtBirth.Male, SexAtBirth.Intersex, SexAtBirth.Unknown);
        var age = r.Next(16, 90);
        var trials = r.Next(0, 6);
        var stabilizer = bipolar ? Pick(MoodStabilizer.None, MoodStabilizer.Lithium, MoodStabilizer.Valproate, MoodStabilizer.Lamotrigine, MoodStabilizer.AtypicalAntipsychotic) : (MoodStabilizer?)null;
        var lifeLimiting = r.Next(10) == 0;
        var systolic = r.Next(100, 175);
        return new PatientHistory
        {
            PatientReference = "MRN-0",
            AgeYears = age,
            SexAtBirth = sex,
            Pregnant = sex == SexAtBirth.Female && age is >= 12 and <= 55 ? r.Next(20) == 0 : null,
            Breastfeeding = r.Next(30) == 0 ? true : null,
            Jurisdiction = r.Next(4) == 0 ? Jurisdiction.Eu : Jurisdiction.Us,
            PrimaryDiagnosis = diagnosis,
            CurrentDepressiveEpisode = r.Next(6) != 0,
            FailedAdequateTrials = trials,
            DistinctMechanisms = trials == 0 ? 0 : r.Next(1, trials + 1),
            OnOralAntidepressant = r.Next(4) != 0,
            MoodStabilizer = stabilizer,
            MoodStabilizerOptimized = stabilizer is null or MoodStabilizer.None ? null : r.Next(3) != 0,
            CurrentManiaOrMixedFeatures = bipolar ? r.Next(8) == 0 : null,
            Psychosis = Pick(PsychosisStatus.None, PsychosisStatus.None, PsychosisStatus.None, PsychosisStatus.None, PsychosisStatus.HistoryControlled, PsychosisStatus.Active),
            Suicidality = suicidality,
            SafetyPlanInPlace = suicidality == Suicidality.None ? null : r.Next(2) == 0,
            LethalMeansCounselled = suicidality == Suicidality.None ? null : r.Next(2) == 0,
            FollowUpArranged = suicidality == Suicidality.None ? null : r.Next(2) == 0,
            LifeLimitingIllness = lifeLimiting,
            PrognosisWeeks = lifeLimiting ? r.Next(2, 60) : null,
            OnOpioids = r.Next(10) == 0,
            OnNaltrexone = r.Next(25) == 0,
            BenzodiazepineDiazepamEquivalentMg = r.Next(5) == 0 ? r.Next(2, 40) : 0,
            SubstanceUse = Pick(SubstanceUse.None, SubstanceUse.None, SubstanceUse.None, SubstanceUse.InRemission, SubstanceUse.Active),
            AneurysmalVascularDisease = r.Next(50) == 0,
            HypersensitivityToKetamine = r.Next(100) == 0,
            SystolicBp = systolic,
            DiastolicBp = r.Next(60, Math.Min(systolic - 10, 110)),
            HepaticImpairment = Pick(HepaticImpairment.None, HepaticImpairment.None, HepaticImpairment.None, HepaticImpairment.Mild, HepaticImpairment.Moderate, HepaticImpairment.Severe),
            Phq9Total = r.Next(0, 28),
            Phq9Item9 = r.Next(0, 4),
            ClinicianNote = r.Next(3) == 0 ? "Discussed options with the patient; family present." : null,
        };
    }
}
