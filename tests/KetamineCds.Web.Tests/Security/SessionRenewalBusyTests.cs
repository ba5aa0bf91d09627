using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

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
