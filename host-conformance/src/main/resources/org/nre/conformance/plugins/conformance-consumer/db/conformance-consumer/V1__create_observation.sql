CREATE TABLE conformance_consumer_observation (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    observed VARCHAR(500) NOT NULL
);
