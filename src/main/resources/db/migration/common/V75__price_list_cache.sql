-- Answers of the AWS Price List Query API (EC2 on-demand hourly prices), kept per month and shared
-- by every account: a missing product is kept too (hourly_usd NULL, note says why).
CREATE TABLE price_list_cache (
    region           VARCHAR(32)    NOT NULL,
    instance_type    VARCHAR(64)    NOT NULL,
    operating_system VARCHAR(32)    NOT NULL,
    tenancy          VARCHAR(16)    NOT NULL,
    as_of_month      CHAR(7)        NOT NULL,
    hourly_usd       NUMERIC(20,10),
    sku              VARCHAR(500),
    note             VARCHAR(2000),
    fetched_at       TIMESTAMP      NOT NULL,
    PRIMARY KEY (region, instance_type, operating_system, tenancy, as_of_month)
);
