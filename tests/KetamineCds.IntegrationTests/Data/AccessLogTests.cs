using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace KetamineCds.IntegrationTests.Data;

/// <summary>
/// The auditor's view of the whole access log, and an administrator's view of one account's events, on a real database:
/// filters that ignore letter case where the log keeps what was typed, keyset pages newest first, and an index for each
/// filter. Every test runs on SQLite (a temp file) and on PostgreSQL (a throwaway cluster), each freshly migrated.
/// </summary>
public abstract class AccessLogTests
{
    protected abstract Task<LogStore> CreateStoreAsync(TimeProvider? clock = null);

    [Fact]
    public async Task Search_WhoAndSubjectInAnotherLetterCase_FindEveryEventAsRecorded()
    {
        await using var store = await CreateStoreAsync();
        await RecordAsync(store, AccessEventKind.SignInFailed, "Staff@Demo.Local", null, "api");
        await RecordAsync(store, AccessEventKind.SignIn, "staff@demo.local", null, "page");
        await RecordAsync(store, AccessEventKind.ViewScreening, "staff@demo.local", "patient:MRN-Case-7", "list");
        await RecordAsync(store, AccessEventKind.ViewScreening, "psychiatrist@demo.local", "patient:mrn-case-7", "api list");
        await RecordAsync(store, AccessEventKind.ViewScreening, "staff@demo.local.evil", "patient:MRN-Case-70", "list");

        var byWho = await store.Access.SearchAsync(new AccessLogFilter(UserEmail: " STAFF@demo.LOCAL "), null, 50);
        var bySubject = await store.Access.SearchAsync(new AccessLogFilter(Subject: "PATIENT:Mrn-Case-7"), null, 50);

        Assert.Equal([3L, 2, 1], byWho.Items.Select(e => e.Sequence));
        Assert.Equal(["staff@demo.local", "staff@demo.local", "Staff@Demo.Local"], byWho.Items.Select(e => e.UserEmail)); // as recorded
        Assert.Equal([4L, 3], bySubject.Items.Select(e => e.Sequence));
        Assert.Null(byWho.NextBefore);
    }

    [Fact]
    public async Task Search_KindAndPeriod_ListOnlyThoseEventsNewestFirst()
    {
        var clock = new SteppingClock(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero)) { Step = TimeSpan.FromDays(1) };
        await using var store = await CreateStoreAsync(clock);
        for (var day = 1; day <= 10; day++)
        {
            // 1 to 10 January: a failed attempt on odd days, a sign-in on even days.
            await RecordAsync(store, day % 2 == 1 ? AccessEventKind.SignInFailed : AccessEventKind.SignIn, "staff@demo.local", null, "page");
        }

        var from = new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 1, 8, 0, 0, 0, TimeSpan.Zero);
        var failed = await store.Access.SearchAsync(new AccessLogFilter(From: from, To: to, Kind: AccessEventKind.SignInFailed), null, 50);
        var all = await store.Access.SearchAsync(new AccessLogFilter(From: from, To: to), null, 50);

        Assert.Equal([7L, 5, 3], failed.Items.Select(e => e.Sequence));
        Assert.All(failed.Items, e => Assert.Equal("sign-in-failed", e.Kind));
        Assert.Equal([7L, 6, 5, 4, 3], all.Items.Select(e => e.Sequence));
        Assert.Equal(new DateTimeOffset(2026, 1, 7, 12, 0, 0, TimeSpan.Zero), failed.Items[0].OccurredAt);
    }

    [Fact]
    public async Task Search_KeysetPages_ListEveryMatchingEventOnceNewestFirst()
    {
        await using var store = await CreateStoreAsync();
        for (var i = 0; i < 23; i++)
        {
            await RecordAsync(store, AccessEventKind.ViewScreening, i % 3 == 0 ? "other@demo.local" : "auditor@demo.local", "decision-log", "n" + i);
        }

        var seen = new List<long>();
        var positions = new List<ListPosition?>();
        long? before = null;
        do
        {
            var page = await store.Access.SearchAsync(new AccessLogFilter(UserEmail: "auditor@demo.local"), before, 5);
            seen.AddRange(page.Items.Select(e => e.Sequence));
            positions.Add(page.Position);
            before = page.NextBefore;
        }
        while (before is not null);

        var expected = Enumerable.Range(1, 23).Where(s => (s - 1) % 3 != 0).Select(s => (long)s).Reverse().ToList();
        Assert.Equal(expected, seen);
        // 15 events: three full pages, the last of which knows there is no more; each says where it stands (QA318).
        Assert.Equal([new(0, 15), new(5, 15), new(10, 15)], positions);
        Assert.Equal(new ListPosition(0, 8), (await store.Access.SearchAsync(new AccessLogFilter(UserEmail: "other@demo.local"), null, 50)).Position);
        var exported = new List<long>();
        await foreach (var e in store.Access.ExportAsync(new AccessLogFilter(UserEmail: "AUDITOR@demo.local")))
        {
            exported.Add(e.Sequence);
        }

        Assert.Equal(expected, exported);
    }

    [Fact]
    public async Task ListAccountEvents_SignInsInAnyCaseAndChangesToTheAccount_NeverWhatItViewed()
    {
        await using var store = await CreateStoreAsync();
        await RecordAsync(store, AccessEventKind.SignIn, "STAFF@demo.local", null, "page");
        await RecordAsync(store, AccessEventKind.ViewScreening, "staff@demo.local", "patient:MRN-1", "list");
        await RecordAsync(store, AccessEventKind.PrintScreening, "staff@demo.local", Guid.NewGuid().ToString(), null);
        await RecordAsync(store, AccessEventKind.UserAdministration, "admin@demo.local", "user:u-staff", "locked staff@demo.local; reason: left");
        await RecordAsync(store, AccessEventKind.UserAdministration, "admin@demo.local", "user:u-other", "unlocked other@demo.local");
        await RecordAsync(store, AccessEventKind.AccountSecurity, "staff@demo.local", "user:u-staff", "changed own password");
        await RecordAsync(store, AccessEventKind.SignOut, "staff@demo.local", null, "page");

        var events = await store.Access.ListAccountEventsAsync("staff@demo.local", "u-staff", null, 50);

        Assert.Equal([7L, 6, 4, 1], events.Items.Select(e => e.Sequence));
    }

    [Fact]
    public async Task ListSignInEvents_EmailTypedInAnotherLetterCase_IsListed()
    {
        await using var store = await CreateStoreAsync();
        await RecordAsync(store, AccessEventKind.SignInFailed, "Staff@Demo.Local", null, "page");
        await RecordAsync(store, AccessEventKind.SignIn, "staff@demo.local", null, "page");

        var events = await store.Access.ListSignInEventsAsync("staff@demo.local", "u-staff", 20);

        Assert.Equal([2L, 1], events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task AccountEvents_AfterAnEmailChange_IncludeThoseUnderTheEarlierEmailUntilTheChange_NotAnotherAccountsAfterIt()
    {
        await using var store = await CreateStoreAsync();
        await RecordAsync(store, AccessEventKind.SignIn, "Staff@demo.local", null, "page");
        await RecordAsync(store, AccessEventKind.SignInFailed, "staff@demo.local", null, "api");
        await RecordAsync(store, AccessEventKind.UserAdministration, "admin@demo.local", "user:u-staff", "changed the email of staff@demo.local to kim@demo.local");
        await RecordAsync(store, AccessEventKind.SignIn, "kim@demo.local", null, "page");
        // The freed address, taken by another account afterwards: its events are not this account's.
        await RecordAsync(store, AccessEventKind.UserAdministration, "admin@demo.local", "user:u-new", "created user staff@demo.local with role ClinicStaff");
        await RecordAsync(store, AccessEventKind.SignIn, "staff@demo.local", null, "page");
        // Another account's email change names nothing of this one's.
        await RecordAsync(store, AccessEventKind.UserAdministration, "admin@demo.local", "user:u-other", "changed the email of other@demo.local to other2@demo.local");
        await RecordAsync(store, AccessEventKind.SignIn, "other@demo.local", null, "page");

        var signIns = await store.Access.ListSignInEventsAsync("kim@demo.local", "u-staff", 20);
        var all = await store.Access.ListAccountEventsAsync("kim@demo.local", "u-staff", null, 50);
        var firstPage = await store.Access.ListAccountEventsAsync("kim@demo.local", "u-staff", null, 2);
        var secondPage = await store.Access.ListAccountEventsAsync("kim@demo.local", "u-staff", firstPage.NextBefore, 2);

        Assert.Equal([4L, 2, 1], signIns.Select(e => e.Sequence));
        Assert.Equal([4L, 3, 2, 1], all.Items.Select(e => e.Sequence));
        Assert.Equal([4L, 3, 2, 1], firstPage.Items.Concat(secondPage.Items).Select(e => e.Sequence));
    }

    [Fact]
    public async Task AccountEvents_OfAnAccountCreatedWithAFreedEmail_StartAtItsCreation_NotTheFormerHoldersEvents()
    {
        // The leftover: the current email's events had no lower bound, so an account created with an address another
        // account had given up listed that account's old sign-ins as its own.
        await using var store = await CreateStoreAsync();
        await RecordAsync(store, AccessEventKind.UserAdministration, "admin@demo.local", "user:u-a", "created user x@demo.local with role ClinicStaff");
        await RecordAsync(store, AccessEventKind.SignIn, "x@demo.local", null, "page");
        await RecordAsync(store, AccessEventKind.UserAdministration, "admin@demo.local", "user:u-a", "changed the email of x@demo.local to a2@demo.local");
        await RecordAsync(store, AccessEventKind.SignIn, "a2@demo.local", null, "page");
        await RecordAsync(store, AccessEventKind.UserAdministration, "admin@demo.local", "user:u-b", "created user x@demo.local with role Psychiatrist");
        await RecordAsync(store, AccessEventKind.SignIn, "x@demo.local", null, "page");
        await RecordAsync(store, AccessEventKind.SignInFailed, "X@Demo.Local", null, "api");

        var newHolder = await store.Access.ListSignInEventsAsync("x@demo.local", "u-b", 20);
        var newHolderAll = await store.Access.ListAccountEventsAsync("x@demo.local", "u-b", null, 50);
        var formerHolder = await store.Access.ListSignInEventsAsync("a2@demo.local", "u-a", 20);
        var formerHolderAll = await store.Access.ListAccountEventsAsync("a2@demo.local", "u-a", null, 50);

        Assert.Equal([7L, 6], newHolder.Select(e => e.Sequence));
        Assert.Equal([7L, 6, 5], newHolderAll.Items.Select(e => e.Sequence));
        Assert.Equal([4L, 2], formerHolder.Select(e => e.Sequence));
        Assert.Equal([4L, 3, 2, 1], formerHolderAll.Items.Select(e => e.Sequence));
    }

    [Fact]
    public async Task AccountEvents_OfAnAccountChangedToAFreedEmail_ListThatEmailsEventsOnlyWhileItHeldIt()
    {
        // An address taken over by an email change, then given up again: each email of the account counts from the change
        // (or the creation) that gave it, up to the change that took it away.
        await using var store = await CreateStoreAsync();
        await RecordAsync(store, AccessEventKind.UserAdministration, "admin@demo.local", "user:u-a", "created user x@demo.local with role ClinicStaff");
        await RecordAsync(store, AccessEventKind.SignIn, "x@demo.local", null, "page");
        await RecordAsync(store, AccessEventKind.UserAdministration, "admin@demo.local", "user:u-a", "changed the email of x@demo.local to a2@demo.local");
        await RecordAsync(store, AccessEventKind.UserAdministration, "admin@demo.local", "user:u-c", "created user c@demo.local with role ClinicStaff");
        await RecordAsync(store, AccessEventKind.SignIn, "c@demo.local", null, "page");
        await RecordAsync(store, AccessEventKind.UserAdministration, "admin@demo.local", "user:u-c", "changed the email of c@demo.local to x@demo.local");
        await RecordAsync(store, AccessEventKind.SignIn, "x@demo.local", null, "page");
        await RecordAsync(store, AccessEventKind.UserAdministration, "admin@demo.local", "user:u-c", "changed the email of x@demo.local to c3@demo.local");
        await RecordAsync(store, AccessEventKind.SignIn, "c3@demo.local", null, "page");
        await RecordAsync(store, AccessEventKind.SignInFailed, "x@demo.local", null, "page");

        var whileHeld = await store.Access.ListSignInEventsAsync("c3@demo.local", "u-c", 20);
        var whileHeldAll = await store.Access.ListAccountEventsAsync("c3@demo.local", "u-c", null, 50);

        Assert.Equal([9L, 7, 5], whileHeld.Select(e => e.Sequence));
        Assert.Equal([9L, 8, 7, 6, 5, 4], whileHeldAll.Items.Select(e => e.Sequence));
    }

    [Fact]
    public async Task AccountEvents_OfAnAccountWhoseCreationWasRecordedAtStartUp_StartAtItsCreation_AndItsCreationIsKnownToBeLogged()
    {
        // A demo account seeded at start-up, or the first administrator made from Bootstrap:AdminEmail, is recorded as
        // created by the app itself ("(app start-up)"), as an administrator's creation is: its events under its email start
        // there, not at the log's start. One whose creation is not in the log says so (IsCreationLoggedAsync), for the
        // pages that list its events.
        await using var store = await CreateStoreAsync();
        await RecordAsync(store, AccessEventKind.SignIn, "s@demo.local", null, "page");
        await RecordAsync(store, AccessEventKind.UserAdministration, "(app start-up)", "user:u-seeded", "created user s@demo.local with role ClinicStaff");
        await RecordAsync(store, AccessEventKind.SignIn, "S@demo.local", null, "page");
        await RecordAsync(store, AccessEventKind.UserAdministration, "admin@demo.local", "user:u-old", "changed the email of o@demo.local to o2@demo.local");
        await RecordAsync(store, AccessEventKind.UserAdministration, "admin@demo.local", "user:u-locked", "locked l@demo.local; reason: created user l@demo.local");

        var seeded = await store.Access.ListAccountEventsAsync("s@demo.local", "u-seeded", null, 50);

        Assert.Equal([3L, 2], seeded.Items.Select(e => e.Sequence));
        Assert.True(await store.Access.IsCreationLoggedAsync("u-seeded"));
        Assert.False(await store.Access.IsCreationLoggedAsync("u-old"));
        Assert.False(await store.Access.IsCreationLoggedAsync("u-locked"));
        Assert.False(await store.Access.IsCreationLoggedAsync("u-nobody"));
    }

    [Fact]
    public async Task EntryTypes_IdsOfSubjects_NameTheScreeningsAndEhrAnswersThatExist()
    {
        await using var store = await CreateStoreAsync();
        var screening = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-LINK-1"));
        var answer = await store.Log.RecordHookAnswerAsync(Screenings.HookAnswer("MRN-LINK-1"));
        var unknown = Guid.NewGuid();

        var types = await store.Audit.EntryTypesAsync([screening.Id, answer.Id, unknown, screening.Id]);

        Assert.Equal(2, types.Count);
        Assert.Equal(DecisionLogEntryTypes.Screening, types[screening.Id]);
        Assert.Equal(DecisionLogEntryTypes.HookAnswer, types[answer.Id]);
        Assert.Empty(await store.Audit.EntryTypesAsync([]));
    }

    [Theory]
    [InlineData("""lower("UserEmail") = 'staff@demo.local'""", "IX_AccessEvents_UserEmailAnyCase")]
    [InlineData("""lower("Subject") = 'patient:mrn-1'""", "IX_AccessEvents_SubjectAnyCase")]
    [InlineData("\"Kind\" = 'sign-in-failed'", "IX_AccessEvents_Kind_Sequence")]
    public async Task Search_EachFilter_WalksItsIndexNotTheLog(string condition, string index)
    {
        await using var store = await CreateStoreAsync();
        await RecordAsync(store, AccessEventKind.SignIn, "staff@demo.local", null, "page");

        await using var db = store.Factory.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        var select = $"""SELECT "Sequence" FROM "AccessEvents" WHERE {condition} ORDER BY "Sequence" DESC LIMIT 51""";
        command.CommandText = connection.GetType().Name.StartsWith("Npgsql", StringComparison.Ordinal)
            ? "SET enable_seqscan = off; EXPLAIN " + select
            : "EXPLAIN QUERY PLAN " + select;
        var plan = new System.Text.StringBuilder();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    plan.Append(reader.GetValue(i)).Append(' ');
                }
            }
        }

        Assert.Contains(index, plan.ToString(), StringComparison.Ordinal);
    }

    private static Task RecordAsync(LogStore store, AccessEventKind kind, string email, string? subject, string? detail) =>
        store.Access.RecordAsync(new AccessEvent(kind, email, null, subject, detail, "c-" + Guid.NewGuid().ToString("N")[..8]));
}

/// <summary>The access log on SQLite, a temp file per test.</summary>
public sealed class SqliteAccessLogTests : AccessLogTests
{
    protected override Task<LogStore> CreateStoreAsync(TimeProvider? clock = null) => LogStore.SqliteAsync(clock);
}

/// <summary>The access log on PostgreSQL 15, a fresh database per test, the app connected as a role that may only INSERT and SELECT the logs.</summary>
[Collection(PostgresTestGroup.Name)]
public sealed class PostgresAccessLogTests(PostgresFixture fixture) : AccessLogTests
{
    protected override Task<LogStore> CreateStoreAsync(TimeProvider? clock = null) => LogStore.PostgresAsync(fixture.Cluster, clock);
}
