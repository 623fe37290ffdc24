using System.Net;
using System.Net.Sockets;

namespace KnowledgeBase.Ingestion.Intake.Addresses;

/// <summary>
/// Whether an IP address is a public internet address, as opposed to this machine (loopback, unspecified),
/// its networks (RFC 1918 private, CGNAT 100.64/10, link-local, IPv6 unique-local and site-local) or no host
/// at all (multicast, broadcast, reserved, documentation, benchmarking). IPv6 forms that carry an IPv4
/// address (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by that address;
/// Teredo and local-use NAT64 are refused whole. IPv6 must be global unicast (2000::/3).
/// </summary>
public static class PublicAddresses
{
    private static readonly (uint Network, int Prefix)[] BlockedV4 =
    [
        (0x00000000, 8),   // 0.0.0.0/8 "this network", unspecified
        (0x0A000000, 8),   // 10.0.0.0/8 private
        (0x64400000, 10),  // 100.64.0.0/10 carrier-grade NAT
        (0x7F000000, 8),   // 127.0.0.0/8 loopback
        (0xA9FE0000, 16),  // 169.254.0.0/16 link-local (cloud metadata)
        (0xAC100000, 12),  // 172.16.0.0/12 private
        (0xC0000000, 24),  // 192.0.0.0/24 IETF protocol assignments
        (0xC0000200, 24),  // 192.0.2.0/24 documentation
        (0xC0586300, 24),  // 192.88.99.0/24 6to4 relay anycast
        (0xC0A80000, 16),  // 192.168.0.0/16 private
        (0xC6120000, 15),  // 198.18.0.0/15 benchmarking
        (0xC6336400, 24),  // 198.51.100.0/24 documentation
        (0xCB007100, 24),  // 203.0.113.0/24 documentation
        (0xE0000000, 4),   // 224.0.0.0/4 multicast
        (0xF0000000, 4),   // 240.0.0.0/4 reserved, 255.255.255.255 broadcast
    ];

    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(ToUInt32(address.GetAddressBytes(), 0)),
            AddressFamily.InterNetworkV6 => IsPublicV6(address.GetAddressBytes()),
            _ => false,
        };
    }

    private static bool IsPublicV4(uint value)
    {
        foreach (var (network, prefix) in BlockedV4)
        {
            var mask = uint.MaxValue << (32 - prefix);
            if ((value & mask) == network)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPublicV6(byte[] b)
    {
        // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated; :: and ::1 fall here too): the IPv4 inside.
        if (AllZero(b, 0, 10) && ((b[10] == 0xFF && b[11] == 0xFF) || (b[10] == 0 && b[11] == 0)))
        {
            return IsPublicV4(ToUInt32(b, 12));
        }

        // 64:ff9b::/96, well-known NAT64: the IPv4 inside.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && AllZero(b, 4, 8))
        {
            return IsPublicV4(ToUInt32(b, 12));
        }

        // 2002::/16, 6to4: the IPv4 in bits 16-47.
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return IsPublicV4(ToUInt32(b, 2));
        }

        // Global unicast 2000::/3 only: this leaves out ::/8 (64:ff9b:1::/48 local NAT64, 100::/64 discard),
        // fc00::/7 unique-local, fe80::/10 link-local, fec0::/10 site-local, ff00::/8 multicast.
        if ((b[0] & 0xE0) != 0x20)
        {
            return false;
        }

        // 2001::/23 IETF protocol assignments (Teredo 2001::/32, benchmarking, ORCHID), 2001:db8::/32 documentation.
        if (b[0] == 0x20 && b[1] == 0x01)
        {
            var second = (b[2] << 8) | b[3];
            if (second < 0x0200 || second == 0x0DB8)
            {
                return false;
            }
        }

        // 3fff::/20 documentation (RFC 9637).
        return !(b[0] == 0x3F && b[1] == 0xFF && (b[2] & 0xF0) == 0);
    }

    private static bool AllZero(byte[] bytes, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (bytes[i] != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static uint ToUInt32(byte[] bytes, int start) =>
        ((uint)bytes[start] << 24) | ((uint)bytes[start + 1] << 16) | ((uint)bytes[start + 2] << 8) | bytes[start + 3];
}
