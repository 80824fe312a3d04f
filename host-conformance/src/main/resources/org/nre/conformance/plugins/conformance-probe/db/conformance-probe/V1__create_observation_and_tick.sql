CREATE TABLE conformance_probe_observation (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    node VARCHAR(64) NOT NULL,
    name VARCHAR(100) NOT NULL,
    observed VARCHAR(500) NOT NULL
);

CREATE TABLE conformance_probe_tick (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    node VARCHAR(64) NOT NULL,
    started_at BIGINT NOT NULL,
    ended_at BIGINT NOT NULL
);
