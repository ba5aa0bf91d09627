using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KetamineCds.Infrastructure.CdsHooks;

/// <summary>The jti table: (issuer, jti) unique, so that a second use of a token fails to insert on every instance.</summary>
public sealed class CdsHookTokenUseConfiguration : IEntityTypeConfiguration<CdsHookTokenUse>
{
    public void Configure(EntityTypeBuilder<CdsHookTokenUse> builder)
    {
        builder.ToTable("CdsHookTokenUses");
        builder.HasKey(e => new { e.Issuer, e.Jti });
        builder.Property(e => e.Issuer).HasMaxLength(256);
        builder.Property(e => e.Jti).HasMaxLength(256);
        builder.HasIndex(e => e.ExpiresAt);
    }
}

/// <summary>The prefill table, keyed by the hash of the opaque id.</summary>
public sealed class CdsHookPrefillConfiguration : IEntityTypeConfiguration<CdsHookPrefill>
{
    public void Configure(EntityTypeBuilder<CdsHookPrefill> builder)
    {
        builder.ToTable("CdsHookPrefills");
        builder.HasKey(e => e.IdHash);
        builder.Property(e => e.IdHash).HasMaxLength(64);
        builder.Property(e => e.PatientReference).HasMaxLength(64).IsRequired();
        builder.Property(e => e.InputJson).IsRequired();
        builder.HasIndex(e => e.ExpiresAt);
    }
}

/// <summary>The card table: one row per card sent, by its uuid.</summary>
public sealed class CdsHookCardConfiguration : IEntityTypeConfiguration<CdsHookCard>
{
    public void Configure(EntityTypeBuilder<CdsHookCard> builder)
    {
        builder.ToTable("CdsHookCards");
        builder.HasKey(e => e.Uuid);
        builder.Property(e => e.Uuid).ValueGeneratedNever();
        builder.Property(e => e.ServiceId).HasMaxLength(128).IsRequired();
        builder.Property(e => e.Issuer).HasMaxLength(256).IsRequired();
        builder.Property(e => e.OverrideDecision).HasMaxLength(16).IsRequired();
        builder.HasIndex(e => e.EntryId);
    }
}
