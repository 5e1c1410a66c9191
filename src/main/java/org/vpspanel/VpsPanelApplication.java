package org.vpspanel;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class VpsPanelApplication {

    public static void main(String[] args) {
        SpringApplication.run(VpsPanelApplication.class, args);
    }
}
