using System.Net;

namespace KetamineCds.Web.Tests.Startup;

/// <summary>
/// The health probes answer for the process and the database only, whoever asks: a browser that still holds a sign-in
/// cookie (an operator opening /health/live during an outage) got the outage page, 503, from /health/live, because the
/// cookie's server-side session was looked up in the database before the probe ran (helper 334's Production walk).
/// </summary>
public sealed class HealthProbeWithCookieTests
{
    [Fact]
    public async Task Probes_SignedInBrowserWhileTheDatabaseIsDown_LiveAnswersHealthyAndReadyAnswersUnhealthyAsText()
    {
        using var factory = new KetamineCdsFactory();
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        using (var up = await client.GetAsync("/health/live"))
        {
            Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        }

        var away = factory.DatabasePath + ".away";
        File.Move(factory.DatabasePath, away);
        Directory.CreateDirectory(factory.DatabasePath); // SQLite cannot open it (CANTOPEN): unreachable, as PostgreSQL stopped is
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            using var live = await client.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());

            using var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("text/plain", ready.Content.Headers.ContentType?.MediaType);
            Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());

            // A page still needs the session, and so still gets the outage page.
            using var page = await client.GetAsync("/Screenings");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal("5", page.Headers.RetryAfter?.ToString());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(factory.DatabasePath);
            File.Move(away, factory.DatabasePath);
        }
    }
}
