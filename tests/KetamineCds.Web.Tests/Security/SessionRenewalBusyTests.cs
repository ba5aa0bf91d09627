using System.Net;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// Every signed-in request renews its page session (one UPDATE, <c>SessionKeepAlive</c>). While SQLite's write lock is
/// held past the command timeout (a backup, a long write), that renewal used to fail after the response had started,
/// so every signed-in page ended as a broken response. It is now given up with a warning and the page is served whole
/// (<see cref="KetamineCds.Web.Security.DatabaseTicketStore"/>).
/// </summary>
public sealed class SessionRenewalBusyTests
{
    [Fact]
    public async Task SignedInPage_WhileTheWriteLockIsHeld_IsServedWholeAndTheSessionLivesOn()
    {
        using var factory = new ShortTimeoutFactory();
        var staff = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        await using (var holder = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False"))
        {
            await holder.OpenAsync();
            await using var hold = holder.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE;";
            await hold.ExecuteNonQueryAsync();

            using var page = await staff.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("</html>", html, StringComparison.Ordinal);
            Assert.Contains(KetamineCdsFactory.Staff, html, StringComparison.Ordinal);

            await using var release = holder.CreateCommand();
            release.CommandText = "ROLLBACK;";
            await release.ExecuteNonQueryAsync();
        }

        // The session was not ended by the renewal given up: the next page is served signed in, and renews as usual.
        using var next = await staff.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Contains(KetamineCdsFactory.Staff, await next.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renewal_OfARequestAbortedByTheBrowser_IsGivenUpQuietly_AndTheSessionLivesOn()
    {
        using var factory = new KetamineCdsFactory();
        var staff = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);
        var store = factory.Services.GetRequiredService<DatabaseTicketStore>();
        var sessions = factory.Services.GetRequiredService<ServerSessions>();
        string key;
        await using (var db = factory.Services.GetRequiredService<KetamineCdsContextFactory>().CreateDbContext())
        {
            key = await db.UserSessions.Where(s => s.Kind == UserSession.PageKind).Select(s => s.Id).SingleAsync();
        }

        var ticket = await store.RetrieveAsync(key);
        Assert.NotNull(ticket);

        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();
        // The request's token is cancelled (Kestrel's RequestAborted when the browser closes the connection): before, the
        // cancelled write threw out of the cookie handler's response start and was logged as an unhandled error.
        await store.RenewAsync(key, ticket, aborted.Token);

        Assert.NotNull(await sessions.FindAsync(key, CancellationToken.None));
        using var next = await staff.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Contains(KetamineCdsFactory.Staff, await next.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The app with a one-second SQLite busy timeout, so a held write lock fails a write in a second, not 30.</summary>
    private sealed class ShortTimeoutFactory : KetamineCdsFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:KetamineCds", $"Data Source={DatabasePath};Default Timeout=1");
        }
    }
}
