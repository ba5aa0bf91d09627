using KetamineCds.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KetamineCds.Infrastructure.Data.Configurations;

/// <summary>Server-side sessions; deleted with their account.</summary>
public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.UserId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.Kind).HasMaxLength(8).IsRequired();
        builder.Property(s => s.SecurityStamp).HasMaxLength(256);
        builder.Property(s => s.FamilyId).HasMaxLength(64);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        // Sign-in sweeps a user's expired sessions.
        builder.HasIndex(s => new { s.UserId, s.ExpiresAt });
        // A reused refresh token ends its whole family at once.
        builder.HasIndex(s => s.FamilyId);
    }
}
