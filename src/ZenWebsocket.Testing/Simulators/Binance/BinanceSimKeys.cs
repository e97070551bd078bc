namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>
/// Well-known TEST keys of <see cref="BinanceSimAccount.Default"/>. They are published here on purpose: they only
/// open the simulator, never a real exchange.
/// </summary>
public static class BinanceSimKeys
{
    /// <summary>HMAC API key of the default account (the one in the B.6.1 signing example).</summary>
    public const string HmacApiKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";

    /// <summary>HMAC secret of <see cref="HmacApiKey"/> (the B.6.1 example secret).</summary>
    public const string HmacSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    /// <summary>Ed25519 API key of the default account (can <c>session.logon</c>).</summary>
    public const string Ed25519ApiKey = "PM1JEnGMeSiIOLKIiBqwtWxOAq7U2DL24xyqnqMEXhRrlMDiAz8fy2vodJout96E";

    /// <summary>Private key (PKCS#8 PEM) of <see cref="Ed25519ApiKey"/>, for clients to sign with.</summary>
    public const string Ed25519PrivateKeyPem = """
        -----BEGIN PRIVATE KEY-----
        MC4CAQAwBQYDK2VwBCIEIDFaS1Eg8eN8t+eIqXvNSCnN3L+tpSMlfdeXt8ba9G71
        -----END PRIVATE KEY-----
        """;

    /// <summary>Public key (SubjectPublicKeyInfo PEM) of <see cref="Ed25519ApiKey"/>, as the account holds it.</summary>
    public const string Ed25519PublicKeyPem = """
        -----BEGIN PUBLIC KEY-----
        MCowBQYDK2VwAyEAb7QFxxjWTw64GkmG/vhC9U5wZvNA+WizlgnySjaIi8s=
        -----END PUBLIC KEY-----
        """;

    /// <summary>RSA API key of the default account.</summary>
    public const string RsaApiKey = "gKPdECJkdWHa3FszbzV8t96DrwjqmMnlqxEu2OyAmbTKMk20azjyua78uVM06Atn";

    /// <summary>Private key (PKCS#8 PEM, RSA 2048) of <see cref="RsaApiKey"/>.</summary>
    public const string RsaPrivateKeyPem = """
        -----BEGIN PRIVATE KEY-----
        MIIEvwIBADANBgkqhkiG9w0BAQEFAASCBKkwggSlAgEAAoIBAQCk4FSMULRoijnH
        CQWF53c5WsTnd8lRlXZiVF6ADETYjD0iT6yrZfZpX/8/wG0xtRHrz1eyWMRj0kYj
        fHMNy6bygFieW/cC4jN8nbrehPwzgolbB+EQ64TR8GIX7+Cy+u/34Wmp6B+La1GQ
        t9AWKhC/ko4iIHTr2y77vtb+wMTp68QZyJA2zmcc8hr94jbXYFSK/gfWi7O4C/t9
        +o8MkvDZn9BILGX/uDgO8CvgVtPyX+3lg2Hq93d7bWzUQs89CawXRN4P7pZn+lM/
        xJboEvqW2G71urdF+2JrkNFnPAiBSdOo5qNnpShTG7wpsqZ9/vF1gwwaR0UJq/uP
        J0E4nkv1AgMBAAECggEAPzw4wS4s21F0cnVv1FkfvXQmQ/6JzIwOAQ2JxwOtnf4/
        bjrvpzcuiGDEpX9YgfGIA5Cc+m6YOA7MTszq1bYvfB+knWv5M3ZtN9TI+JI5pknh
        A3RkqlgiM2DGRpb+b7bVtZUTMRKxkofhGyecm/ubO9ZqRAV9wn3oqa4aiE+H1o0z
        vv9W2NUaXkoMPpP56ivsfLskeW/+N8Ibq+vDjISKX7E3hOZB8wvEgfibCfSe2NfA
        W6sGWKnQSsYO7rVLN4jjsB+L4TIY1g322t/tqBCtZOYgRdI4tE+XFhoV+BClPfs8
        NeKq0wcz/3mfSL9Rg6B1B88LUwZirRF9lNqkz6LuqwKBgQDdGNbB2fOClA4/aaQ1
        hNNeEwXGtk8SegLEi3XIZWgXbbHMEdHhdjr4QTtw9bZLF9vRMUBI5HafAA+Y+ELq
        M3usI/doMWFss3L3aJpMjxptVWLp+jkEHaHzvun8rG8SQENAWklA+AhqeRpdGfcS
        cXxNO2Ch22k8tvrdpPcGULG1+wKBgQC+53N9oEYZ19K3ZCW4NufYXvhHG9JyWAeF
        A3YzrF2lp62OAaEQc+Z+SOumzQiVoXrtsSL1oE//8nV5ffYGwDFHvOIAJqZcGmYt
        dzTLtGlmVrwiTryjlbC6Lrw6f++5gBmyBz79Wt7i8qlaBsJFrByK2qLLBVTM7P1n
        kVgXevmSzwKBgQDFnrgGGRuQ8WkywOgndgu/IF2fWcCfkTL8HnMupYU+u6uZ7aud
        TKI014mb0+QWhsLR3qXJAXwNbm6CmhSlZVL7cEJpfQnJsTPndDXGjHpgk1uQKznf
        NeVWCqT2VeIJfCsgUBL94TUUhh5MbTLr50fleFdNFOKhhCQDDLpHiMTvFQKBgQCG
        R6My0FO+xdKP8L+fbe9ygIq+6dEDYOwZIbA49JsCdIldg8PZIM0WMxCeyUWqimU/
        YAOpJlRfQhpjlLhDU1jWjwOg+4605lTM0jauun4Q4B2BPETwA9DFhS4dL/RdVL++
        O96QsyRoGiwJCQwJmeCRwuwTRfK6GlC8Ur3V9kgqfQKBgQCY+W5J67hoJOZJOHES
        jDYR534YYeqKzKIyef0ft8oWQA6cfmpIe2OjJn3YGhiRGl3mjOhXlN8RQDTFCoE/
        U5wFVhc8N5A7R+bDN5BN/AAG/NzJm9bzsVKjEbO1qjgT5OfjoC9RaD0A30aqIeFc
        oAfvu+1pi4e9L0b0+dlShRg1bw==
        -----END PRIVATE KEY-----
        """;

    /// <summary>Public key (SubjectPublicKeyInfo PEM) of <see cref="RsaApiKey"/>.</summary>
    public const string RsaPublicKeyPem = """
        -----BEGIN PUBLIC KEY-----
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEApOBUjFC0aIo5xwkFhed3
        OVrE53fJUZV2YlRegAxE2Iw9Ik+sq2X2aV//P8BtMbUR689XsljEY9JGI3xzDcum
        8oBYnlv3AuIzfJ263oT8M4KJWwfhEOuE0fBiF+/gsvrv9+Fpqegfi2tRkLfQFioQ
        v5KOIiB069su+77W/sDE6evEGciQNs5nHPIa/eI212BUiv4H1ouzuAv7ffqPDJLw
        2Z/QSCxl/7g4DvAr4FbT8l/t5YNh6vd3e21s1ELPPQmsF0TeD+6WZ/pTP8SW6BL6
        lthu9bq3Rftia5DRZzwIgUnTqOajZ6UoUxu8KbKmff7xdYMMGkdFCav7jydBOJ5L
        9QIDAQAB
        -----END PUBLIC KEY-----
        """;

    /// <summary>HMAC API key of the default account without trade permission (orders give -2015).</summary>
    public const string ReadOnlyApiKey = "K5GhnDdkwSZ17m0yXXacOS8lXYkYqnmPYJO2uUlQPtg6fePuPT6YodmmWvG3NHdb";

    /// <summary>HMAC secret of <see cref="ReadOnlyApiKey"/>.</summary>
    public const string ReadOnlySecret = "RhfYEwD2WgwqILBS7u6S1L3Y61uoG15LpDPCWfp15hMvRIVuR9w18ZD4zLgEZjWO";
}
