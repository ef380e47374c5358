namespace Zeues.Tests.Support;

/// <summary>TAGs of the DOMAIN §9 fixture by row number.</summary>
public static class Fixture
{
    public const string S1 = "MK-1401-CW-25001-001";
    public const string S2 = "MK-1401-CW-25001-002";
    public const string S3 = "MK-1401-CW-25001-003";
    public const string S4 = "MK-1401-TW-25001-004";
    public const string S5 = "MK-1401-TW-25001-005";
    public const string S6 = "MK-1401-BW-25001-006";
    public const string S7 = "MK-1401-BW-25001-007";
    public const string S8 = "MK-1401-BW-25001-008";
    public const string S9 = "TEST-V3-009";
    public const string S10 = "TEST-V3-010";
    public const string S11 = "TEST-V3-011";
    public const string S12 = "TEST-V3-012";
    public const string S13 = "TEST-V3-013";
    public const string S14 = "TEST-V3-014";
    public const string S15 = "MK-1401-BW-25001-015";
    public const string S16 = "MK-1401-CW-25001-016";
    public const string S17 = "TEST-V3-017";
    public const string S18 = "MK-1401-FW-25001-018";

    public const int MR = 93, NR = 94, CP = 95, JM = 96, JP = 97, Inactive = 98, Unknown = 99;
}
