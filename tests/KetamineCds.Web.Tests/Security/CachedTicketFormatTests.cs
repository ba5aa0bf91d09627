using System.Security.Claims;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace KetamineCds.Web.Tests.Security;

public sealed class CachedTicketFormatTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    private static AuthenticationTicket Ticket(DateTimeOffset expires) => new(
        new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Email, "psychiatrist@demo.local")], "Identity.Bearer")),
        new AuthenticationProperties { ExpiresUtc = expires },
        "Identity.Bearer");

    [Fact]
    public void Unprotect_SameTokenTwice_DecryptsOnceAndReturnsSeparateCopies()
    {
        var inner = new Mock<ISecureDataFormat<AuthenticationTicket>>(MockBehavior.Strict);
        inner.Setup(f => f.Unprotect("token-a", null)).Returns(Ticket(Now.AddHours(1)));
        using var format = new CachedTicketFormat(inner.Object, new FakeTimeProvider(Now));

        var first = format.Unprotect("token-a")!;
        ((ClaimsIdentity)first.Principal.Identity!).AddClaim(new Claim("added", "by a request"));
        var second = format.Unprotect("token-a")!;

        inner.Verify(f => f.Unprotect("token-a", null), Times.Once());
        Assert.Equal("psychiatrist@demo.local", second.Principal.FindFirstValue(ClaimTypes.Email));
        Assert.Null(second.Principal.FindFirst("added"));
        Assert.Equal(Now.AddHours(1), second.Properties.ExpiresUtc);
    }

    [Fact]
    public void Unprotect_InvalidToken_IsNotRemembered()
    {
        var inner = new Mock<ISecureDataFormat<AuthenticationTicket>>(MockBehavior.Strict);
        inner.Setup(f => f.Unprotect("forged", null)).Returns((AuthenticationTicket?)null);
        using var format = new CachedTicketFormat(inner.Object, new FakeTimeProvider(Now));

        Assert.Null(format.Unprotect("forged"));
        Assert.Null(format.Unprotect("forged"));

        inner.Verify(f => f.Unprotect("forged", null), Times.Exactly(2));
    }

    [Fact]
    public void Unprotect_AlreadyExpiredTicket_IsNotRememberedAndComesBackForTheHandlerToRefuse()
    {
        var inner = new Mock<ISecureDataFormat<AuthenticationTicket>>(MockBehavior.Strict);
        inner.Setup(f => f.Unprotect("old", null)).Returns(Ticket(Now.AddMinutes(-1)));
        using var format = new CachedTicketFormat(inner.Object, new FakeTimeProvider(Now));

        Assert.Equal(Now.AddMinutes(-1), format.Unprotect("old")!.Properties.ExpiresUtc);
        format.Unprotect("old");

        inner.Verify(f => f.Unprotect("old", null), Times.Exactly(2));
    }

    [Fact]
    public void Protect_PassesThrough()
    {
        var ticket = Ticket(Now.AddHours(1));
        var inner = new Mock<ISecureDataFormat<AuthenticationTicket>>(MockBehavior.Strict);
        inner.Setup(f => f.Protect(ticket)).Returns("sealed");
        using var format = new CachedTicketFormat(inner.Object, new FakeTimeProvider(Now));

        Assert.Equal("sealed", format.Protect(ticket));
    }
}
