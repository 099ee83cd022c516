package com.patrolplanner.campaign.travel;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** The travel model in use: calibrated on the route file when it is there, else {@link TravelModel#DEFAULT}. */
@ApplicationScoped
public class TravelModels {
    private static final Logger LOG = Logger.getLogger(TravelModels.class);

    @ConfigProperty(name = "patrol.travel.routes", defaultValue = "../shared/data/routes/amap_driving_routes_gcj02.csv")
    String routes;

    private volatile TravelModel model;
    private volatile TravelCalibration.Result calibration;

    public TravelModel current() {
        if (model == null) {
            synchronized (this) {
                if (model == null) {
                    load();
                }
            }
        }
        return model;
    }

    /** The calibration behind {@link #current()}, or null when the default is used. */
    public TravelCalibration.Result calibration() {
        current();
        return calibration;
    }

    public Path routeFile() {
        return Path.of(routes);
    }

    private void load() {
        Path p = routeFile();
        try {
            if (Files.exists(p)) {
                calibration = TravelCalibration.fit(TravelCalibration.read(p));
                model = calibration.model();
                LOG.info(calibration.describe());
                return;
            }
        } catch (Exception e) {
            LOG.warn("travel calibration on " + p + " failed, using the default model: " + e.getMessage());
        }
        model = TravelModel.DEFAULT;
    }
}
