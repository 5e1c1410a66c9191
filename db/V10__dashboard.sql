-- Network traffic per partition and UTC day, so that the admin's usage dashboard ranks a month of traffic
-- without reading a month of samples. Each new usage sample adds its growth over the partition's previous
-- sample (a counter lower than the previous one restarted from zero with its partition: all of it is new).
CREATE TABLE usage_day (
    partition_id  BIGINT NOT NULL REFERENCES partition (id) ON DELETE CASCADE,
    day           DATE   NOT NULL,
    net_in_bytes  BIGINT NOT NULL,
    net_out_bytes BIGINT NOT NULL,
    PRIMARY KEY (partition_id, day)
);

-- The samples kept so far, summed the same way.
INSERT INTO usage_day (partition_id, day, net_in_bytes, net_out_bytes)
SELECT partition_id, (at AT TIME ZONE 'UTC')::date,
       sum(CASE WHEN net_in_growth < 0 THEN net_in_bytes ELSE net_in_growth END),
       sum(CASE WHEN net_out_growth < 0 THEN net_out_bytes ELSE net_out_growth END)
FROM (SELECT partition_id, at, net_in_bytes, net_out_bytes,
             net_in_bytes - coalesce(lag(net_in_bytes) OVER w, 0) AS net_in_growth,
             net_out_bytes - coalesce(lag(net_out_bytes) OVER w, 0) AS net_out_growth
      FROM usage_sample WINDOW w AS (PARTITION BY partition_id ORDER BY at)) growth
GROUP BY 1, 2;
