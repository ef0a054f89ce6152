# Trainees' nbgrader configuration in the Kubernetes user image: the course and the exchange
# (a ReadWriteMany volume mounted on /srv/nbgrader/exchange by values.yaml).
c = get_config()  # noqa: F821
c.CourseDirectory.course_id = "medias-sociaux"
c.Exchange.root = "/srv/nbgrader/exchange"
c.Exchange.path_includes_course = False
